namespace LlmOs.Engine.Onnx.Tests.Semantic;

/// <summary>
/// Hand-written English examples of the built-in intents (the issue-5 table), in the test so that these tests do
/// not depend on the shipped language data, and out-of-domain sentences no intent should take.
/// </summary>
internal static class EnglishExamples
{
    public static readonly (string Intent, string[] Examples)[] Intents =
    [
        ("time.now", ["what time is it", "what's the time", "tell me the time", "do you have the time", "what is the current time", "time please", "can you tell me what time it is", "what time is it now"]),
        ("date.today", ["what's the date today", "what day is it", "what is today's date", "which day of the week is it", "tell me the date", "what's the date", "what day of the month is it", "is today monday"]),
        ("timer.set", ["set a timer for 10 minutes", "start a timer for five minutes", "timer for 30 seconds", "set a pasta timer for 8 minutes", "count down from two minutes", "start a 20 minute timer", "set a timer", "wake me in an hour with a timer"]),
        ("timer.cancel", ["cancel the timer", "stop the timer", "delete my pasta timer", "turn off the timer", "remove the timer", "cancel my 10 minute timer", "never mind the timer", "kill the timer"]),
        ("timer.list", ["what timers do I have", "list my timers", "how much time is left on the timer", "show my timers", "are there any timers running", "how long until the timer goes off", "which timers are set", "check my timers"]),
        ("reminder.add", ["remind me to call Anna tomorrow at 9", "remind me to buy milk in an hour", "set a reminder to water the plants at 6 pm", "don't let me forget to take my pills at noon", "remind me about the meeting at 3", "create a reminder to pay the rent on friday", "add a reminder to call mom tonight", "remind me in ten minutes to check the oven"]),
        ("reminder.list", ["what are my reminders", "list my reminders", "show my reminders", "do I have any reminders", "what did you remind me about", "which reminders are set", "read my reminders", "any reminders for today"]),
        ("reminder.cancel", ["cancel the reminder", "delete my reminder to call Anna", "remove the reminder about milk", "forget the reminder", "cancel my reminders", "stop reminding me about the meeting", "delete the reminder", "drop the reminder to pay rent"]),
        ("calc.evaluate", ["what is 12 times 7", "calculate 15% of 80", "how much is 45 plus 17", "what's 100 divided by 4", "what is the square root of 81", "compute 3 to the power of 4", "how much is 7 minus 12", "what is 2.5 times 4"]),
        ("app.open", ["open firefox", "launch the terminal", "start the text editor", "open the file manager", "run the calculator", "open settings", "launch thunderbird", "open the music player"]),
        ("volume.set", ["set the volume to 50%", "volume to 30 percent", "put the volume at 70", "change the volume to half", "set sound level to 20 percent", "make the volume 80%", "volume 40", "adjust the volume to 10 percent"]),
        ("volume.change", ["turn the volume up", "turn it down", "louder please", "volume down", "increase the volume", "decrease the volume", "lower the volume", "turn up the sound"]),
        ("volume.mute", ["mute", "mute the sound", "unmute", "turn the sound off", "silence the speakers", "mute the volume", "unmute the audio", "turn off the audio"]),
        ("screen.lock", ["lock the screen", "lock my computer", "lock the session", "lock it", "lock my desktop", "lock the pc", "secure the screen", "lock up the computer"]),
        ("screenshot.take", ["take a screenshot", "screenshot", "capture the screen", "take a screen capture", "grab the screen", "save a picture of my screen", "make a screenshot", "snap the screen"]),
        ("translate.text", ["translate hello into french", "how do you say good morning in german", "translate this to spanish: where is the station", "what is thank you in japanese", "say cat in italian", "translate I love you to portuguese", "how do I say goodbye in dutch", "translate the word house into russian"]),
        ("text.summarize", ["summarize this text", "give me a summary of this article", "make this shorter", "sum up this paragraph", "what is the gist of this", "tl;dr this", "shorten this email", "write a short summary of the following"]),
        ("text.write", ["write a poem about the sea", "write an email to my boss asking for a day off", "compose a birthday message for my sister", "draft a letter of complaint", "write a short story about a dragon", "write a haiku about autumn", "create a toast for a wedding", "write a cover letter for a nurse job"]),
        ("chat", ["tell me a joke", "how are you", "who won the world cup in 2010", "what is the meaning of life", "explain quantum physics simply", "what should I cook for dinner", "who are you", "why is the sky blue", "give me some advice about sleep", "what is the capital of australia"]),
    ];

    /// <summary>Sentences that belong to no built-in intent (beyond the chat examples).</summary>
    public static readonly string[] OutOfDomain =
    [
        "the eagle flew over the lake",
        "my cat likes to sleep on the sofa",
        "I had a great weekend with my friends",
        "how tall is mount everest",
        "what's the weather like tomorrow",
        "recommend a good book",
        "how do I fix a flat tire",
        "who wrote romeo and juliet",
        "is coffee bad for you",
        "what are black holes made of",
        "can dogs eat chocolate",
        "tell me about the roman empire",
        "I feel tired today",
        "what's your favourite colour",
        "how many people live in paris",
        "play some jazz",
        "where is the nearest pharmacy",
        "what is machine learning",
        "the meeting went well",
        "how do airplanes fly",
    ];

    /// <summary>Paraphrases not among the examples, with the intent each must land on.</summary>
    public static readonly (string Utterance, string Intent)[] Paraphrases =
    [
        ("how late is it", "time.now"),
        ("put on a countdown of 5 minutes", "timer.set"),
        ("make the sound louder", "volume.change"),
        ("start the web browser", "app.open"),
        ("could you lock my screen please", "screen.lock"),
        ("what's today", "date.today"),
    ];
}
