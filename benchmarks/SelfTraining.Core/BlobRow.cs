namespace SelfTraining.Core;

/// <summary>One synthetic row: a class and its features (width set at run time through a schema definition).</summary>
internal sealed class BlobRow
{
    /// <summary>The class, 0-based: LoadFromEnumerable maps C# value k of a key column to key k + 1 (0 = missing).</summary>
    public uint Label { get; set; }

    public float[] Features { get; set; } = [];
}
