using SceneSegmentation;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace SceneDetection;

/// <summary>
/// A PNG of test images with their boxes: one row per image, three columns (the true boxes, the teacher's, the
/// student's), each the grey image with every pixel drawn as a <see cref="Scale"/> × <see cref="Scale"/> block and each
/// box outlined in its class's colour (the segmentation sample's palette: key k has the colour of mask class k); under the
/// grid, the classes' colours in class order.
/// </summary>
internal static class BoxGrid
{
    /// <summary>Each image pixel becomes a square of this many screen pixels.</summary>
    public const int Scale = 3;

    private const int Gap = 4;
    private const int Columns = 3;
    private const int Line = 2;
    private const int LargestSwatch = 24;
    private const int ClassCount = 10;
    private static readonly Rgb24 Paper = new(255, 255, 255);

    /// <summary>One row of the grid: a one-channel image (H×W values in [0, 1]) and three sets of boxes.</summary>
    public sealed record Row(float[] Image, Boxes Truth, Boxes Teacher, Boxes Student);

    /// <summary>Writes the grid of <paramref name="rows"/> to <paramref name="path"/>.</summary>
    /// <returns>The PNG's full path.</returns>
    public static string Write(string path, IReadOnlyList<Row> rows, int size)
    {
        var palette = new MaskPalette(ClassCount + 1);
        int tile = size * Scale, imageWidth = (Columns * tile) + ((Columns + 1) * Gap);
        int swatch = Math.Min(LargestSwatch, ((imageWidth - Gap) / ClassCount) - Gap);
        using var image = new Image<Rgb24>(imageWidth, (rows.Count * (tile + Gap)) + Gap + swatch + Gap, Paper);
        for (int r = 0; r < rows.Count; r++)
        {
            int top = Gap + (r * (tile + Gap));
            Boxes[] columns = [rows[r].Truth, rows[r].Teacher, rows[r].Student];
            for (int c = 0; c < Columns; c++)
            {
                int left = Gap + (c * (tile + Gap));
                DrawImage(image, left, top, rows[r].Image, size);
                DrawBoxes(image, left, top, columns[c], size, palette);
            }
        }

        int legendTop = Gap + (rows.Count * (tile + Gap));
        for (int c = 0; c < ClassCount; c++)
        {
            Fill(image, Gap + (c * (swatch + Gap)), legendTop, swatch, swatch, palette[(byte)(c + 1)]);
        }

        var fullPath = Path.GetFullPath(path);
        image.SaveAsPng(fullPath);
        return fullPath;
    }

    private static void DrawImage(Image<Rgb24> image, int left, int top, float[] pixels, int size)
    {
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                var grey = (byte)Math.Round(255 * Math.Clamp(pixels[(y * size) + x], 0f, 1f));
                Fill(image, left + (x * Scale), top + (y * Scale), Scale, Scale, new Rgb24(grey, grey, grey));
            }
        }
    }

    /// <summary>Outlines each box (corners in image pixels, clamped to the tile) in the colour of its class key.</summary>
    private static void DrawBoxes(Image<Rgb24> image, int left, int top, Boxes boxes, int size, MaskPalette palette)
    {
        int extent = size * Scale;
        int Screen(float value) => Math.Clamp((int)MathF.Round(value * Scale), 0, extent - Line);
        for (int b = 0; b < boxes.Count; b++)
        {
            var colour = palette[(byte)Math.Min(boxes.Keys[b], byte.MaxValue)];
            int x0 = Screen(boxes.Corners[4 * b]), y0 = Screen(boxes.Corners[(4 * b) + 1]);
            int x1 = Screen(boxes.Corners[(4 * b) + 2]), y1 = Screen(boxes.Corners[(4 * b) + 3]);
            Fill(image, left + x0, top + y0, x1 - x0 + Line, Line, colour);
            Fill(image, left + x0, top + y1, x1 - x0 + Line, Line, colour);
            Fill(image, left + x0, top + y0, Line, y1 - y0 + Line, colour);
            Fill(image, left + x1, top + y0, Line, y1 - y0 + Line, colour);
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
}
