using System.Buffers;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MLNet.SelfTraining.Vision.ImageFiles;

/// <summary>
/// Decodes the first frame of one image file into C×H×W floats in [0, 1] with ImageSharp, checking its size before
/// decoding and bounding every buffer the decoder allocates.
/// </summary>
internal sealed class ImageFileReader
{
    private readonly ImagePixelsOptions _options;
    private readonly Configuration _configuration;
    private readonly ImageFolder _folder;

    public ImageFileReader(ImagePixelsOptions options)
    {
        _options = options;
        _configuration = DecodingConfiguration.Create(options);
        _folder = new ImageFolder(options.ImageFolder);
    }

    public int Size => _options.Channels * _options.Height * _options.Width;

    /// <summary>Fills <paramref name="pixels"/> from the file at <paramref name="path"/>, or throws naming the file.</summary>
    /// <returns>The size of the image in the file, before resizing.</returns>
    public Size Read(string path, Span<float> pixels)
    {
        var fullPath = _folder.Resolve(path);
        using var stream = Open(fullPath);
        try
        {
            var info = Image.Identify(_configuration, stream, out _)
                ?? throw new InvalidDataException($"Image file '{fullPath}' is not in a format ImageSharp can read (expected PNG, JPEG, BMP, GIF, TGA, TIFF, WebP or PBM).");
            long area = (long)info.Width * info.Height;
            if (area > _options.MaximumPixels)
            {
                throw new InvalidDataException(
                    $"Image file '{fullPath}' is {info.Width}×{info.Height} = {area} pixels; expected at most {_options.MaximumPixels} ({nameof(ImagePixelsOptions)}.{nameof(ImagePixelsOptions.MaximumPixels)}, a guard against decompression bombs).");
            }

            stream.Seek(0, SeekOrigin.Begin);
            using var image = Decode(stream);
            image.Mutate(x => x.Resize(_options.Width, _options.Height));
            CopyPixels(image, pixels);
            return new Size(info.Width, info.Height);
        }
        catch (Exception e) when (e is UnknownImageFormatException or ImageFormatException or NotSupportedException)
        {
            throw new InvalidDataException($"Image file '{fullPath}' could not be decoded: {e.Message}", e);
        }
        catch (InvalidMemoryOperationException e)
        {
            throw new InvalidDataException(
                $"Image file '{fullPath}' needs a larger buffer than images within {nameof(ImagePixelsOptions)}.{nameof(ImagePixelsOptions.MaximumPixels)} = {_options.MaximumPixels} pixels do (a frame larger than the file header claims?): {e.Message}", e);
        }
    }

    /// <summary>Decodes the first frame of the image in <paramref name="stream"/>, from its current position.</summary>
    internal Image<Rgb24> Decode(Stream stream) => Image.Load<Rgb24>(_configuration, stream);

    /// <summary>Opens the file for reading once (identified and decoded from the same stream), or throws that it is missing.</summary>
    private static FileStream Open(string fullPath)
    {
        try
        {
            return new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
            || (e is UnauthorizedAccessException && Directory.Exists(fullPath)))
        {
            throw new FileNotFoundException($"Image file '{fullPath}' was expected but does not exist.", fullPath, e);
        }
    }

    private void CopyPixels(Image<Rgb24> image, Span<float> pixels)
    {
        int plane = _options.Height * _options.Width;
        var rgb = ArrayPool<Rgb24>.Shared.Rent(plane);
        try
        {
            image.CopyPixelDataTo(rgb.AsSpan(0, plane));
            for (int at = 0; at < plane; at++)
            {
                var p = rgb[at];
                if (_options.Channels == 1)
                {
                    pixels[at] = (0.299f * p.R + 0.587f * p.G + 0.114f * p.B) / 255f;
                }
                else
                {
                    pixels[at] = p.R / 255f;
                    pixels[plane + at] = p.G / 255f;
                    pixels[(2 * plane) + at] = p.B / 255f;
                }
            }
        }
        finally
        {
            ArrayPool<Rgb24>.Shared.Return(rgb);
        }
    }
}
