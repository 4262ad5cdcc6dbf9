namespace LlmOs.Integration.Tests.Speech;

/// <summary>
/// What the speech acceptance tests say: the spoken commands and non-commands, sent to llmosd here and to the recogniser
/// in-process by tests/LlmOs.Engine.Speech.Tests/Commands (which links this file). The voices are espeak-ng's Klatt
/// variants of the American voice: the plain formant voices are heard right barely half the time by pocketsphinx's
/// US-English model (12, 8 and 8 of 18 against 18, 16 and 16), so testing with them would measure espeak-ng, not llmos.
/// </summary>
internal static class SpokenCorpus
{
    public static readonly string[] Voices = ["en-us+klatt3", "en-us+caleb", "en-us+klatt"];

    public static readonly int[] Speeds = [140, 190];

    /// <summary>Sentence, intent, and the slots it must carry ("name=value;name=value").</summary>
    public static readonly (string Text, string Intent, string Slots)[] Commands =
    [
        ("what time is it", "time.now", ""),
        ("what is the date today", "date.today", ""),
        ("set a timer for five minutes", "timer.set", "duration=300"),
        ("start a timer for twenty five seconds", "timer.set", "duration=25"),
        ("cancel the timer", "timer.cancel", ""),
        ("show my timers", "timer.list", ""),
        ("what are my reminders", "reminder.list", ""),
        ("cancel the reminder", "reminder.cancel", ""),
        ("what is twelve times seven", "calc.evaluate", "expression=twelve times seven"),
        ("open firefox", "app.open", "app=firefox.desktop"),
        ("launch the terminal", "app.open", "app=org.gnome.Terminal.desktop"),
        ("set the volume to fifty percent", "volume.set", "level=50"),
        ("turn the volume up", "volume.change", "direction=up"),
        ("mute the sound", "volume.mute", "state=on"),
        ("lock the screen", "screen.lock", ""),
        ("take a screenshot", "screenshot.take", ""),
    ];

    /// <summary>Ordinary sentences, questions and names: none is a command.</summary>
    public static readonly string[] NonCommands =
    [
        "the quick brown fox jumps over the lazy dog",
        "my name is Anna Schmidt",
        "I went to the market yesterday and bought some apples",
        "where did you park the car",
        "the weather is lovely this afternoon",
        "could you pass me the salt",
        "my brother lives in Manchester with his two cats",
        "how was your holiday in Spain",
        "she sells sea shells by the sea shore",
        "we should paint the kitchen green",
        "John Smith called about the invoice",
        "do you like chocolate ice cream",
        "the train to London leaves from platform nine",
        "I think it is going to rain",
        "Peter Parker is my favourite superhero",
        "please water the plants in the garden",
        "what a beautiful sunset",
        "our meeting was moved to the big conference room",
        "the children are playing football outside",
        "have you read the new book by that author",
        "my grandmother bakes the best apple pie",
        "why is the sky blue",
    ];

    /// <summary>The intents that change something on the desktop or in the alarm book.</summary>
    public static readonly HashSet<string> Actions =
    [
        "timer.set", "timer.cancel", "reminder.add", "reminder.cancel", "app.open", "volume.set", "volume.change",
        "volume.mute", "screen.lock", "screenshot.take",
    ];

    /// <summary>What llmosd answers when it heard no command.</summary>
    public const string NotCaught = "I didn't catch that.";
}
