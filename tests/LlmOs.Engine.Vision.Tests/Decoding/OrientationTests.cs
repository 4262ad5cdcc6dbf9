using SkiaSharp;

namespace LlmOs.Engine.Vision.Tests.Decoding;

/// <summary>
/// Each EXIF orientation turns the stored pixels upright. The stored image is a 3 × 2 grid of coloured 16-pixel
/// blocks; what each orientation must show is worked out here on the grid with the operations EXIF names.
/// </summary>
public sealed class OrientationTests
{
    private const int Block = 16;

    private static readonly (byte R, byte G, byte B)[] Colours =
        [(230, 30, 30), (30, 200, 30), (30, 30, 230), (240, 240, 40), (220, 40, 220), (40, 220, 220)];

    /// <summary>The stored grid: colour indices, 2 rows of 3.</summary>
    private static readonly int[,] Stored = { { 0, 1, 2 }, { 3, 4, 5 } };

    private readonly SkiaImageDecoder _decoder = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Each_orientation_decodes_to_the_upright_picture(int orientation)
    {
        byte[] jpeg = EncodedImages.WithExifOrientation(EncodedImages.Encode(GridImage(Stored), SKEncodedImageFormat.Jpeg, 100), orientation);
        int[,] upright = Shown(Stored, orientation);

        var image = _decoder.Decode(jpeg, ImageLimits.Default);

        Assert.Equal(upright.GetLength(1) * Block, image.Width);
        Assert.Equal(upright.GetLength(0) * Block, image.Height);
        for (int row = 0; row < upright.GetLength(0); row++)
        {
            for (int column = 0; column < upright.GetLength(1); column++)
            {
                var expected = Colours[upright[row, column]];
                int p = ((((row * Block) + (Block / 2)) * image.Width) + (column * Block) + (Block / 2)) * 3;
                Assert.True(
                    Near(image.Pixels[p], expected.R) && Near(image.Pixels[p + 1], expected.G) && Near(image.Pixels[p + 2], expected.B),
                    $"orientation {orientation}, block ({row},{column}): ({image.Pixels[p]},{image.Pixels[p + 1]},{image.Pixels[p + 2]}) is not {expected}");
            }
        }
    }

    /// <summary>What EXIF says a viewer shows for the stored grid.</summary>
    private static int[,] Shown(int[,] g, int orientation) => orientation switch
    {
        1 => g,
        2 => MirrorLeftRight(g),
        3 => TurnClockwise(TurnClockwise(g)),
        4 => MirrorLeftRight(TurnClockwise(TurnClockwise(g))),
        5 => Transpose(g),
        6 => TurnClockwise(g),
        7 => TurnClockwise(TurnClockwise(Transpose(g))),
        8 => TurnClockwise(TurnClockwise(TurnClockwise(g))),
        _ => throw new ArgumentOutOfRangeException(nameof(orientation)),
    };

    private static int[,] MirrorLeftRight(int[,] g) => Make(g.GetLength(0), g.GetLength(1), (r, c) => g[r, g.GetLength(1) - 1 - c]);

    private static int[,] Transpose(int[,] g) => Make(g.GetLength(1), g.GetLength(0), (r, c) => g[c, r]);

    /// <summary>The result's top row is the source's left column, read bottom to top.</summary>
    private static int[,] TurnClockwise(int[,] g) => Make(g.GetLength(1), g.GetLength(0), (r, c) => g[g.GetLength(0) - 1 - c, r]);

    private static int[,] Make(int rows, int columns, Func<int, int, int> cell)
    {
        var result = new int[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                result[r, c] = cell(r, c);
            }
        }

        return result;
    }

    private static RgbImage GridImage(int[,] grid)
    {
        int width = grid.GetLength(1) * Block;
        int height = grid.GetLength(0) * Block;
        var pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                var colour = Colours[grid[y / Block, x / Block]];
                int p = ((y * width) + x) * 3;
                (pixels[p], pixels[p + 1], pixels[p + 2]) = (colour.R, colour.G, colour.B);
            }
        }

        return new RgbImage(width, height, pixels);
    }

    private static bool Near(byte actual, byte expected) => Math.Abs(actual - expected) <= 24;
}
