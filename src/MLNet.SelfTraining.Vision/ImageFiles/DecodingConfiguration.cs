using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;

namespace MLNet.SelfTraining.Vision.ImageFiles;

/// <summary>
/// The ImageSharp configuration images are decoded with: only the first frame of an animated GIF or a multi-page TIFF,
/// and no buffer larger than a frame within the pixel budget needs (a frame can claim a larger size than its header).
/// </summary>
internal static class DecodingConfiguration
{
    /// <summary>Bytes per pixel of the largest buffer a frame needs: a <see cref="System.Numerics.Vector4"/> row when resizing.</summary>
    private const long BytesPerPixel = 16;

    public static Configuration Create(ImagePixelsOptions options)
    {
        var configuration = Configuration.Default.Clone();
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = AllocationLimitMegabytes(options) });
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        configuration.ImageFormatsManager.SetDecoder(TiffFormat.Instance, new TiffDecoder { DecodingMode = FrameDecodingMode.First });
        return configuration;
    }

    private static int AllocationLimitMegabytes(ImagePixelsOptions options)
    {
        long pixels = Math.Max(options.MaximumPixels, (long)options.Height * options.Width);
        long megabytes = ((pixels * BytesPerPixel) + (1 << 20) - 1) >> 20;
        return (int)Math.Min(int.MaxValue, megabytes);
    }
}
