using MLNet.SelfTraining.Vision.Datasets.Png;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace MLNet.SelfTraining.Vision.Tests.Datasets;

/// <summary>A fresh folder for one test, deleted with its contents on dispose, and writers of small images and masks in it.</summary>
internal sealed class DatasetFolder : IDisposable
{
    public DatasetFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "datasets-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The full path of <paramref name="relative"/>, its folder created.</summary>
    public string File(string relative)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Pixel (x, y) of the test images: a pattern that differs per channel and per image (<paramref name="seed"/>).</summary>
    public static Rgb24 PixelAt(int x, int y, int seed) => new((byte)((x * 10) + seed), (byte)((y * 12) + seed), (byte)((x * y) + (7 * seed)));

    /// <summary>Writes an RGB image of <see cref="PixelAt"/>, as PNG or (by extension) JPEG.</summary>
    public string Image(string relative, int width, int height, int seed = 0)
    {
        var path = File(relative);
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = PixelAt(x, y, seed);
            }
        }

        image.Save(path);
        return path;
    }

    /// <summary>Writes <paramref name="values"/> as a VOC indexed PNG mask.</summary>
    public string Mask(string relative, int width, int height, byte[] values)
    {
        var path = File(relative);
        using var stream = System.IO.File.Create(path);
        MaskPngWriter.Write(stream, new MaskImage(width, height, values));
        return path;
    }

    /// <summary>Writes <paramref name="values"/> as an 8-bit greyscale PNG.</summary>
    public string GreyMask(string relative, int width, int height, byte[] values)
    {
        var path = File(relative);
        using var image = SixLabors.ImageSharp.Image.LoadPixelData<L8>(values, width, height);
        image.SaveAsPng(path, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 });
        return path;
    }

    /// <summary>Mask values that use classes 0…<paramref name="classes"/>−1 and 255, varying with the pixel.</summary>
    public static byte[] MaskValues(int width, int height, int classes, int seed = 0)
    {
        var values = new byte[width * height];
        for (var i = 0; i < values.Length; i++)
        {
            var v = (i + seed) % (classes + 1);
            values[i] = v == classes ? (byte)255 : (byte)v;
        }

        return values;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
