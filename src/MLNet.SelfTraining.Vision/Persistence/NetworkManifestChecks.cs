using MLNet.SelfTraining.Vision.Models;

namespace MLNet.SelfTraining.Vision.Persistence;

/// <summary>
/// The manifest checks every task archive of an <see cref="ImageNetwork"/> shares: the network (backbone, dropout, image
/// sizes, input size) and the scoring fields (batch size and buffers, threads, input scale, image column). The task's
/// own checks (class count, class names, its column names) come between and after them.
/// </summary>
internal static class NetworkManifestChecks
{
    /// <summary>The most values (C·H·W) of one input image: 2^24 (64 MiB of float32).</summary>
    public const long MaximumInputSize = 1 << 24;

    /// <summary>The most values of one scoring batch's buffers, inputs and outputs: 2^28 (1 GiB of float32).</summary>
    public const long MaximumBatchValues = 1 << 28;

    /// <summary>The most threads a manifest may record (it is not applied on load).</summary>
    public const int MaximumThreads = 1024;

    /// <summary>Checks the manifest's <c>network</c> field; returns it and its input size C·H·W.</summary>
    /// <exception cref="InvalidDataException">A field is missing or out of range.</exception>
    public static (ImageNetworkSpec Spec, long InputSize) RequireNetwork(string path, ImageNetworkSpec? network)
    {
        var spec = ArchiveFields.Require(path, "network", network);
        BackboneArchive.Check(spec.Backbone, path, "network");
        ArchiveFields.RequireRate(path, "network.dropoutRate", spec.DropoutRate);
        ArchiveSizes.Require(path, "network.imageHeight", spec.ImageHeight, 4, 65536);
        ArchiveSizes.Require(path, "network.imageWidth", spec.ImageWidth, 4, 65536);
        var inputSize = (long)spec.Channels * spec.ImageHeight * spec.ImageWidth;
        ArchiveSizes.Require(path, "network input (channels × imageHeight × imageWidth)", inputSize, 16, MaximumInputSize);
        return (spec, inputSize);
    }

    /// <summary>Checks the scoring fields of a manifest.</summary>
    /// <param name="path">The archive, for messages.</param>
    /// <param name="inferenceBatchSize">Rows per forward pass.</param>
    /// <param name="inputSize">C·H·W, from <see cref="RequireNetwork"/>.</param>
    /// <param name="outputSize">Output values per row.</param>
    /// <param name="outputSizeText">How <paramref name="outputSize"/> is computed from the fields, for messages.</param>
    /// <param name="numberOfThreads">The recorded thread count.</param>
    /// <param name="inputScale">Factor applied to pixels before the network.</param>
    /// <param name="featureColumnName">The image column.</param>
    /// <exception cref="InvalidDataException">A field is missing or out of range.</exception>
    public static void RequireScoring(string path, int inferenceBatchSize, long inputSize, long outputSize, string outputSizeText,
        int numberOfThreads, float inputScale, string featureColumnName)
    {
        ArchiveSizes.Require(path, "inferenceBatchSize", inferenceBatchSize, 1, 65536);
        ArchiveSizes.Require(path, $"inferenceBatchSize × (network input + {outputSizeText}) values",
            inferenceBatchSize * (inputSize + outputSize), 1, MaximumBatchValues);
        ArchiveSizes.Require(path, "numberOfThreads", numberOfThreads, 1, MaximumThreads);
        ArchiveFields.RequirePositive(path, "inputScale", inputScale);
        ArchiveFields.RequireName(path, "featureColumnName", featureColumnName);
    }
}
