using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Understanding.Templates;

/// <summary>Reads typed slot values (the shape of <see cref="SlotParsers.Parse"/>, which is the one used outside tests).</summary>
internal delegate IEnumerable<SlotMatch> TypedSlotParser(string type, IReadOnlyList<string> tokens, int start, SlotContext context);
