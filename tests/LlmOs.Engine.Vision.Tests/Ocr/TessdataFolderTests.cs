using LlmOs.Engine.Tesseract;

namespace LlmOs.Engine.Vision.Tests.Ocr;

/// <summary>Finding the language data: configured folder, TESSDATA_PREFIX in either of its historical meanings, Debian's.</summary>
public sealed class TessdataFolderTests
{
    [Fact]
    public void Languages_are_the_traineddata_files_sorted_without_osd()
    {
        using var folder = new OcrTempDirectory();
        foreach (string name in new[] { "spa.traineddata", "eng.traineddata", "osd.traineddata", "readme.txt" })
        {
            File.WriteAllBytes(folder.File(name), []);
        }

        Assert.Equal(["eng", "spa"], TessdataFolder.Languages(folder.Path));
        Assert.Empty(TessdataFolder.Languages(folder.File("missing")));
    }

    [Fact]
    public void The_configured_folder_wins_then_the_prefix_then_debians()
    {
        using var configured = new OcrTempDirectory();
        using var prefix = new OcrTempDirectory();

        Assert.Equal(configured.Path, TessdataFolder.Resolve(configured.Path, prefix.Path));
        Assert.Equal(prefix.Path, TessdataFolder.Resolve(null, prefix.Path));
        Assert.Equal(TessdataFolder.DebianDefault, TessdataFolder.Resolve(" ", null));
        Assert.Contains("eng", TessdataFolder.Languages(TessdataFolder.DebianDefault));
    }

    [Fact]
    public void A_prefix_naming_the_parent_of_tessdata_means_tessdata()
    {
        using var parent = new OcrTempDirectory();
        string tessdata = Directory.CreateDirectory(parent.File("tessdata")).FullName;
        File.WriteAllBytes(Path.Combine(tessdata, "eng.traineddata"), []);

        Assert.Equal(tessdata, TessdataFolder.Resolve(null, parent.Path));
        Assert.Equal(tessdata, TessdataFolder.Resolve(null, tessdata));
    }
}
