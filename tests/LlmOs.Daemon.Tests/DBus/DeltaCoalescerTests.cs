using LlmOs.Daemon.DBus;

namespace LlmOs.Daemon.Tests.DBus;

/// <summary>The Delta rule on a fake clock: the first text at once, then at 64 characters or 20 ms, whichever first.</summary>
public sealed class DeltaCoalescerTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void The_first_text_goes_out_at_once()
    {
        var coalescer = new DeltaCoalescer();

        Assert.Equal("Once", coalescer.Add("Once", Ms(0)));
        Assert.False(coalescer.HasPending);
    }

    [Fact]
    public void Later_text_waits_until_twenty_ms_after_its_first_character()
    {
        var coalescer = new DeltaCoalescer();
        coalescer.Add("Once", Ms(0));

        Assert.Null(coalescer.Add(" upon", Ms(1)));
        Assert.Null(coalescer.Add(" a", Ms(10)));
        Assert.Equal(Ms(21), coalescer.DueAt);
        Assert.Null(coalescer.FlushIfDue(Ms(20.9)));
        Assert.Equal(" upon a", coalescer.FlushIfDue(Ms(21)));
        Assert.False(coalescer.HasPending);
    }

    [Fact]
    public void Text_that_reaches_64_characters_goes_out_before_its_time()
    {
        var coalescer = new DeltaCoalescer();
        coalescer.Add("x", Ms(0));

        for (int i = 0; i < 15; i++)
        {
            Assert.Null(coalescer.Add("abcd", Ms(1 + (i * 0.1))));
        }

        Assert.Equal(string.Concat(Enumerable.Repeat("abcd", 16)), coalescer.Add("abcd", Ms(3)));
        Assert.False(coalescer.HasPending);
    }

    [Fact]
    public void Text_added_after_its_time_goes_out_with_it()
    {
        var coalescer = new DeltaCoalescer();
        coalescer.Add("a", Ms(0));
        Assert.Null(coalescer.Add("b", Ms(5)));

        Assert.Equal("bc", coalescer.Add("c", Ms(30)));
    }

    [Fact]
    public void Flush_hands_over_what_is_pending_and_then_nothing()
    {
        var coalescer = new DeltaCoalescer();
        Assert.Null(coalescer.Flush());
        coalescer.Add("a", Ms(0));
        coalescer.Add("b", Ms(1));

        Assert.Equal("b", coalescer.Flush());
        Assert.Null(coalescer.Flush());
    }

    [Fact]
    public void A_token_stream_never_gives_more_deltas_than_tokens_nor_holds_text_past_its_window()
    {
        var coalescer = new DeltaCoalescer();
        int deltas = 0;
        var sent = new System.Text.StringBuilder();
        string expected = "";
        for (int token = 0; token < 1000; token++)
        {
            var now = Ms(token * 0.4); // 2500 tokens/s
            string text = token % 7 == 0 ? " word" : "ab";
            expected += text;
            foreach (string? delta in (string?[])[coalescer.Add(text, now), coalescer.FlushIfDue(now)])
            {
                if (delta is not null)
                {
                    deltas++;
                    sent.Append(delta);
                    Assert.True(delta.Length < DeltaCoalescer.MaxChars + 5, $"a {delta.Length}-character delta");
                }
            }
        }

        sent.Append(coalescer.Flush());
        Assert.Equal(expected, sent.ToString());
        Assert.InRange(deltas, 1, 1000 / 20);
    }
}
