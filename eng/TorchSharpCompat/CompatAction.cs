namespace MLNet.SelfTraining.TorchSharpCompat;

/// <summary>What the compat step does with one native library.</summary>
internal enum CompatAction
{
    /// <summary>Nothing: the host libstdc++ satisfies the library (or it does not use libstdc++ versions).</summary>
    NotNeeded,

    /// <summary>Nothing: the library already carries the patch.</summary>
    AlreadyPatched,

    /// <summary>Weaken the bridged version requirement and make the library load the shim.</summary>
    Patch,

    /// <summary>Nothing can help: the host lacks versions the shim does not provide; the build warns.</summary>
    Unsupported,
}
