namespace LlmOs.Engine.Understanding.Language;

/// <summary>Which half of the day a said hour is in: "pm", "in the morning", "de la noche".</summary>
public enum Meridiem
{
    /// <summary>Not said: "at 9" is the next 9 o'clock, morning or evening.</summary>
    None,

    /// <summary>Before noon: "9 am", "in the morning".</summary>
    Am,

    /// <summary>After noon: "5 pm", "in the evening".</summary>
    Pm,

    /// <summary>"at night", "tonight": 8 to 11 are evening hours, 12 is midnight, 1 to 4 the small hours of the next day.</summary>
    Night,
}
