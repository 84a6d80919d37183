namespace MLNet.SelfTraining.Vision.Persistence;

/// <summary>The <c>manifest.json</c> entry of a model archive: which format and version it is, and where the weights are.</summary>
internal interface IArchiveManifest
{
    /// <summary>The format name every manifest of this kind carries.</summary>
    static abstract string FormatName { get; }

    /// <summary>The newest format version this library writes and reads.</summary>
    static abstract int CurrentFormatVersion { get; }

    /// <summary>What the archive holds, for messages (e.g. "classifier archive").</summary>
    static abstract string Description { get; }

    /// <summary>The format name written in the file.</summary>
    string Format { get; }

    /// <summary>The archive layout version written in the file; readers reject newer versions.</summary>
    int FormatVersion { get; }

    /// <summary>The zip entry holding the TorchSharp weights (<c>Module.save</c> format).</summary>
    string WeightsEntry { get; }
}
