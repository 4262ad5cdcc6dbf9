using System.Text;
using LlmOs.Engine.Generation;

namespace LlmOs.Engine.Tests;

public sealed class StopSequenceFilterTests
{
    /// <summary>Feeds pieces the way the scheduler's worker does: until a stop is met, then flushes.</summary>
    private static (string Released, List<string> Steps) Run(StopSequenceFilter filter, IEnumerable<string> pieces)
    {
        var released = new StringBuilder();
        var steps = new List<string>();
        foreach (string piece in pieces)
        {
            string now = filter.Push(piece);
            steps.Add(now);
            released.Append(now);
            if (filter.Stopped)
            {
                break;
            }
        }

        released.Append(filter.Flush());
        return (released.ToString(), steps);
    }

    [Fact]
    public void Without_stop_sequences_every_piece_passes_through_unchanged()
    {
        var filter = new StopSequenceFilter([]);

        Assert.Equal("Hel", filter.Push("Hel"));
        Assert.Equal("lo wor", filter.Push("lo wor"));
        Assert.Equal("", filter.Push(""));
        Assert.Equal("ld", filter.Push("ld"));
        Assert.Equal("", filter.Flush());
        Assert.False(filter.Stopped);
    }

    [Fact]
    public void Stop_split_across_pieces_releases_only_the_text_before_it()
    {
        var filter = new StopSequenceFilter(["lo w"]);

        var (released, steps) = Run(filter, ["Hel", "lo wor", "ld"]);

        Assert.Equal("Hel", released);
        Assert.True(filter.Stopped);
        Assert.Equal(["He", "l"], steps); // the "l" that could begin "lo w" waited for the next piece
    }

    [Fact]
    public void Stop_inside_one_piece_cuts_that_piece()
    {
        var filter = new StopSequenceFilter(["\n\n", "END"]);

        Assert.Equal("one", filter.Push("one"));
        Assert.Equal(" two", filter.Push(" twoEND three"));
        Assert.True(filter.Stopped);
        Assert.Equal("", filter.Flush());
    }

    [Fact]
    public void Held_back_prefix_that_is_not_a_stop_is_released_with_the_next_piece()
    {
        var filter = new StopSequenceFilter(["</s>"]);

        Assert.Equal("a", filter.Push("a<"));
        Assert.Equal("", filter.Push("/"));
        Assert.Equal("</b", filter.Push("b"));
        Assert.False(filter.Stopped);
        Assert.Equal("c", filter.Push("c"));
        Assert.Equal("", filter.Flush());
    }

    [Fact]
    public void Flush_releases_held_text_when_generation_ends_without_a_stop()
    {
        var filter = new StopSequenceFilter(["STOP"]);

        Assert.Equal("and then ", filter.Push("and then ST"));
        Assert.Equal("ST", filter.Flush());
        Assert.False(filter.Stopped);
        Assert.Equal("", filter.Flush());
    }

    [Fact]
    public void Flush_after_a_stop_releases_nothing()
    {
        var filter = new StopSequenceFilter(["xy", "xyzzy"]);

        Assert.Equal("a", filter.Push("axyz"));
        Assert.True(filter.Stopped);
        Assert.Equal("", filter.Flush());
    }

    [Fact]
    public void Earliest_of_several_stops_wins()
    {
        var filter = new StopSequenceFilter(["world", "lo"]);

        var (released, _) = Run(filter, ["Hello world"]);

        Assert.Equal("Hel", released);
    }

    [Fact]
    public void Released_text_equals_text_up_to_first_stop_for_any_split()
    {
        // Stops of which none contains another, over a small alphabet so that near-misses are frequent.
        string[][] stopSets = [["ab"], ["aab", "ba"], ["abc", "cab", "bb"], ["a"], ["cccc"], ["ba", "ca"]];
        var random = new Random(4711);
        for (int round = 0; round < 2000; round++)
        {
            string[] stops = stopSets[round % stopSets.Length];
            int length = random.Next(0, 40);
            var text = new StringBuilder();
            for (int i = 0; i < length; i++)
            {
                text.Append("abc"[random.Next(3)]);
            }

            string full = text.ToString();
            int first = stops.Select(s => full.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            string expected = first < 0 ? full : full[..first];

            var pieces = new List<string>();
            for (int at = 0; at < full.Length;)
            {
                int size = Math.Min(random.Next(0, 6), full.Length - at);
                pieces.Add(full.Substring(at, size));
                at += size;
            }

            var filter = new StopSequenceFilter(stops);
            var (released, _) = Run(filter, pieces);

            Assert.True(
                expected == released,
                $"round {round}: text '{full}', stops [{string.Join(",", stops)}], pieces [{string.Join("|", pieces)}]: released '{released}', expected '{expected}'");
            Assert.Equal(first >= 0, filter.Stopped);
        }
    }
}
