namespace MLNet.SelfTraining.Vision.Datasets.Png;

/// <summary>A mask read from or written to a file: one value per pixel, row-major, <paramref name="Width"/> × <paramref name="Height"/>.</summary>
internal sealed record MaskImage(int Width, int Height, byte[] Values)
{
    /// <summary>
    /// This mask resized nearest-neighbour to <paramref name="width"/> × <paramref name="height"/>: output pixel x takes
    /// the value of the input pixel under its centre, ⌊(x + ½) · W / w⌋ (as PIL's <c>NEAREST</c>), so values stay in the
    /// label set and the same size is an exact copy.
    /// </summary>
    public MaskImage ResizeNearest(int width, int height)
    {
        if (width == Width && height == Height)
        {
            return this;
        }

        var values = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var sourceRow = (int)(((2L * y) + 1) * Height / (2L * height)) * Width;
            for (var x = 0; x < width; x++)
            {
                values[(y * width) + x] = Values[sourceRow + (int)(((2L * x) + 1) * Width / (2L * width))];
            }
        }

        return new MaskImage(width, height, values);
    }
}
