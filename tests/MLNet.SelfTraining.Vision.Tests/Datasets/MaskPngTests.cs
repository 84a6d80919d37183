using System.Buffers.Binary;
using MLNet.SelfTraining.Vision.Datasets.Png;
using MLNet.SelfTraining.Vision.ImageFiles;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace MLNet.SelfTraining.Vision.Tests.Datasets;

[TestClass]
public sealed class MaskPngTests : DatasetFolderTests
{
    private static MaskPngReader Reader(long maximumPixels = 1_000_000, long maximumBytes = 1 << 20)
        => new(new ImagePixelsOptions { MaximumPixels = maximumPixels }, maximumBytes, "MaximumMaskFileBytes");

    [TestMethod]
    public void EveryValue_IsWrittenAsItsPaletteIndex_InVocColours_AndReadBackUnchanged()
    {
        var values = Enumerable.Range(0, 256).Select(v => (byte)v).ToArray();
        var path = Folder.Mask("all.png", 16, 16, values);

        var mask = Reader().Read(path);

        Assert.AreEqual(16, mask.Width);
        Assert.AreEqual(16, mask.Height);
        CollectionAssert.AreEqual(values, mask.Values);
        using var colours = Image.Load<Rgb24>(path);
        Assert.AreEqual(new Rgb24(0, 0, 0), colours[0, 0]);
        Assert.AreEqual(new Rgb24(128, 0, 0), colours[1, 0]);
        Assert.AreEqual(new Rgb24(0, 128, 0), colours[2, 0]);
        Assert.AreEqual(new Rgb24(64, 0, 128), colours[12, 0]);
        Assert.AreEqual(new Rgb24(224, 224, 192), colours[15, 15]);
    }

    [TestMethod]
    public void PaletteColours_AreNotUsed_SoRepeatedColoursStillGiveTheIndices()
    {
        var values = DatasetFolder.MaskValues(7, 5, classes: 3);
        var path = Folder.Mask("black.png", 7, 5, values);
        PaintPaletteBlack(path);

        var mask = Reader().Read(path);

        CollectionAssert.AreEqual(values, mask.Values);
    }

    [TestMethod]
    public void FourBitPalette_GivesItsIndices()
    {
        Color[] palette = Enumerable.Range(0, 16).Select(i => Color.FromRgb((byte)(i * 16), (byte)(255 - (i * 16)), 7)).ToArray();
        var values = Enumerable.Range(0, 6 * 4).Select(i => (byte)(i % 16)).ToArray();
        var path = Folder.File("four-bit.png");
        using (var image = Image.LoadPixelData<Rgba32>(values.Select(v => palette[v].ToPixel<Rgba32>()).ToArray(), 6, 4))
        {
            image.SaveAsPng(path, new PngEncoder
            {
                ColorType = PngColorType.Palette,
                BitDepth = PngBitDepth.Bit4,
                Quantizer = new PaletteQuantizer(palette, new QuantizerOptions { Dither = null }),
            });
        }

        var mask = Reader().Read(path);

        CollectionAssert.AreEqual(values, mask.Values);
    }

    [TestMethod]
    public void EightBitGreyscale_GivesItsValues()
    {
        var values = Enumerable.Range(0, 256).Select(v => (byte)v).ToArray();
        var path = Folder.GreyMask("grey.png", 32, 8, values);

        CollectionAssert.AreEqual(values, Reader().Read(path).Values);
    }

    [TestMethod]
    public void Jpeg_IsNotAPng()
    {
        var path = Folder.Image("mask.jpg", 8, 8);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Reader().Read(path));

        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, "not a PNG");
    }

    [TestMethod]
    public void TruncatedFile_IsNamed()
    {
        var path = Folder.Mask("cut.png", 16, 16, DatasetFolder.MaskValues(16, 16, 5));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 20)]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Reader().Read(path));

        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, "truncated");
    }

    [TestMethod]
    public void RgbPng_IsRefused_NamingItsColourType()
    {
        var path = Folder.Image("rgb.png", 8, 8);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Reader().Read(path));

        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, "colour type 2");
    }

    [TestMethod]
    public void MaskOverThePixelBudget_IsRefusedBeforeDecoding()
    {
        var path = Folder.Mask("big.png", 16, 16, new byte[256]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Reader(maximumPixels: 255).Read(path));

        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, "16×16 = 256 pixels; expected at most 255");
    }

    [TestMethod]
    public void MaskOverTheByteBound_IsRefused()
    {
        var path = Folder.Mask("bytes.png", 16, 16, new byte[256]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Reader(maximumBytes: 10).Read(path));

        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, "expected at most 10 (MaximumMaskFileBytes)");
    }

    [TestMethod]
    public void ResizeNearest_TakesThePixelUnderEachCentre_AndKeepsTheSameSize()
    {
        var mask = new MaskImage(4, 2, [0, 1, 2, 3, 4, 5, 6, 7]);

        Assert.AreSame(mask, mask.ResizeNearest(4, 2));
        CollectionAssert.AreEqual(new byte[] { 5, 7 }, mask.ResizeNearest(2, 1).Values);
        CollectionAssert.AreEqual(new byte[] { 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 4, 4, 5, 5, 6, 6, 7, 7 }, mask.ResizeNearest(8, 3).Values);
    }

    /// <summary>Sets every colour of the file's PLTE chunk to black (fixing its CRC).</summary>
    private static void PaintPaletteBlack(string path)
    {
        var png = File.ReadAllBytes(path);
        var at = 8;
        while (System.Text.Encoding.ASCII.GetString(png, at + 4, 4) != "PLTE")
        {
            at += 12 + (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
        }

        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
        png.AsSpan(at + 8, length).Clear();
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(at + 8 + length), PngCrc.Compute(png.AsSpan(at + 4, 4 + length)));
        File.WriteAllBytes(path, png);
    }
}
