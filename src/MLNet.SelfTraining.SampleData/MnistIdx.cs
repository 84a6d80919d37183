namespace MLNet.SelfTraining.SampleData;

/// <summary>Reads and cross-checks a pair of MNIST IDX files (images and labels) into <see cref="MnistData"/>.</summary>
internal static class MnistIdx
{
    /// <summary>
    /// Reads images (IDX magic 0x00000803, N × 28 × 28) and labels (0x00000801, N, digits 0 to 9) from seekable
    /// streams, raw or gzip-compressed; the sources name the files in error messages.
    /// </summary>
    public static MnistData Read(Stream images, string imagesSource, Stream labels, string labelsSource)
    {
        var imageArray = IdxReader.Read(images, imagesSource, rank: 3);
        var dimensions = imageArray.Dimensions;
        if (dimensions[1] != MnistData.ImageSide || dimensions[2] != MnistData.ImageSide)
        {
            throw new InvalidDataException(
                $"File '{imagesSource}' holds {dimensions[1]} × {dimensions[2]} images; expected {MnistData.ImageSide} × {MnistData.ImageSide}.");
        }

        var labelArray = IdxReader.Read(labels, labelsSource, rank: 1);
        if (labelArray.Data.Length != dimensions[0])
        {
            throw new InvalidDataException(
                $"File '{labelsSource}' holds {labelArray.Data.Length} labels; expected {dimensions[0]}, one per image of '{imagesSource}'.");
        }

        var invalid = Array.FindIndex(labelArray.Data, label => label >= MnistData.ClassCount);
        if (invalid >= 0)
        {
            throw new InvalidDataException(
                $"File '{labelsSource}' has label {labelArray.Data[invalid]} at index {invalid}; expected a digit from 0 to {MnistData.ClassCount - 1}.");
        }

        return new MnistData(imageArray.Data, labelArray.Data);
    }
}
