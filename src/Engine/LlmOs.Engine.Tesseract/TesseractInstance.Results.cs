using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Tesseract;

internal sealed partial class TesseractInstance
{
    /// <summary>The recognised text lines in reading order, each with its confidence and box; blank lines are left out.</summary>
    private OcrResult ReadResult()
    {
        var lines = new List<OcrLine>();
        using (TessResultIteratorHandle iterator = TesseractNative.TessBaseAPIGetIterator(_api))
        {
            // An empty page gives no iterator, or one whose first line has no text.
            if (!iterator.IsInvalid)
            {
                do
                {
                    if (ReadLine(iterator) is { } line)
                    {
                        lines.Add(line);
                    }
                }
                while (TesseractNative.TessResultIteratorNext(iterator, TesseractNative.TextLineLevel) != 0);
            }
        }

        if (lines.Count == 0)
        {
            return new OcrResult(string.Empty, 0, []);
        }

        string text = string.Join('\n', lines.Select(l => l.Text));
        float confidence = Math.Clamp(TesseractNative.TessBaseAPIMeanTextConf(_api), 0, 100);
        return new OcrResult(text, confidence, lines);
    }

    private static OcrLine? ReadLine(TessResultIteratorHandle iterator)
    {
        string text;
        using (TessTextHandle utf8 = TesseractNative.TessResultIteratorGetUTF8Text(iterator, TesseractNative.TextLineLevel))
        {
            text = utf8.Read().Trim();
        }

        if (text.Length == 0)
        {
            return null;
        }

        float confidence = Math.Clamp(TesseractNative.TessResultIteratorConfidence(iterator, TesseractNative.TextLineLevel), 0, 100);
        nint page = TesseractNative.TessResultIteratorGetPageIterator(iterator);
        if (TesseractNative.TessPageIteratorBoundingBox(page, TesseractNative.TextLineLevel, out int left, out int top, out int right, out int bottom) == 0)
        {
            (left, top, right, bottom) = (0, 0, 0, 0);
        }

        return new OcrLine(text, confidence, left, top, right - left, bottom - top);
    }
}
