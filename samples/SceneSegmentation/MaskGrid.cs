using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace SceneSegmentation;

/// <summary>
/// A PNG of test images side by side with their masks: one row per image, four columns (the image, its true mask, the
/// teacher's mask, the student's mask), every pixel drawn as a <see cref="Scale"/> × <see cref="Scale"/> block, masks
/// coloured with <see cref="MaskPalette"/>; under the grid, a strip of the palette (the classes in order, then 255).
/// </summary>
internal static class MaskGrid
{
    /// <summary>Each image pixel becomes a square of this many screen pixels.</summary>
    public const int Scale = 3;

    private const int Gap = 4;
    private const int Columns = 4;
    private const int LargestSwatch = 24;
    private static readonly Rgb24 Paper = new(255, 255, 255);

    /// <summary>One row of the grid: an image (C×H×W values in [0, 1]) and three masks (H×W).</summary>
    public sealed record Row(float[] Image, byte[] Truth, byte[] Teacher, byte[] Student);

    /// <summary>Writes the grid of <paramref name="rows"/> to <paramref name="path"/>.</summary>
    /// <returns>The PNG's full path.</returns>
    public static string Write(string path, IReadOnlyList<Row> rows, int channels, int height, int width, MaskPalette palette)
    {
        int tileWidth = width * Scale, tileHeight = height * Scale;
        int imageWidth = (Columns * tileWidth) + ((Columns + 1) * Gap);
        var legend = palette.Legend;
        int swatch = Math.Min(LargestSwatch, (imageWidth - Gap) / legend.Count - Gap);
        using var image = new Image<Rgb24>(imageWidth, (rows.Count * (tileHeight + Gap)) + Gap + swatch + Gap, Paper);
        for (int r = 0; r < rows.Count; r++)
        {
            int top = Gap + (r * (tileHeight + Gap));
            var row = rows[r];
            Draw(image, Left(0, tileWidth), top, height, width, (y, x) => Pixel(row.Image, channels, height * width, (y * width) + x));
            Draw(image, Left(1, tileWidth), top, height, width, (y, x) => palette[row.Truth[(y * width) + x]]);
            Draw(image, Left(2, tileWidth), top, height, width, (y, x) => palette[row.Teacher[(y * width) + x]]);
            Draw(image, Left(3, tileWidth), top, height, width, (y, x) => palette[row.Student[(y * width) + x]]);
        }

        int legendTop = Gap + (rows.Count * (tileHeight + Gap));
        for (int c = 0; c < legend.Count; c++)
        {
            Fill(image, Gap + (c * (swatch + Gap)), legendTop, swatch, swatch, legend[c]);
        }

        var fullPath = Path.GetFullPath(path);
        image.SaveAsPng(fullPath);
        return fullPath;
    }

    private static int Left(int column, int tileWidth) => Gap + (column * (tileWidth + Gap));

    /// <summary>Draws an H×W picture at (<paramref name="left"/>, <paramref name="top"/>), each pixel scaled up.</summary>
    private static void Draw(Image<Rgb24> image, int left, int top, int height, int width, Func<int, int, Rgb24> colour)
    {
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                Fill(image, left + (x * Scale), top + (y * Scale), Scale, Scale, colour(y, x));
            }
        }
    }

    private static void Fill(Image<Rgb24> image, int left, int top, int width, int height, Rgb24 colour)
    {
        for (int y = top; y < top + height; y++)
        {
            for (int x = left; x < left + width; x++)
            {
                image[x, y] = colour;
            }
        }
    }

    /// <summary>The colour of pixel <paramref name="pixel"/> of a C×H×W image: grey for one channel, else its first three channels as RGB.</summary>
    private static Rgb24 Pixel(float[] image, int channels, int planeSize, int pixel)
    {
        byte Channel(int c) => (byte)Math.Round(255 * Math.Clamp(image[(c * planeSize) + pixel], 0f, 1f));
        return channels < 3 ? new Rgb24(Channel(0), Channel(0), Channel(0)) : new Rgb24(Channel(0), Channel(1), Channel(2));
    }
}
