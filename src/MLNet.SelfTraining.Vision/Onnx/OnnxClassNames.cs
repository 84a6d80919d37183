using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>The key values of an exported classifier's or detector's <c>PredictedLabel</c>.</summary>
internal static class OnnxClassNames
{
    /// <summary>The training label's text key values, or the keys' numbers "1"…"K" when they were not text.</summary>
    /// <exception cref="InvalidOperationException">A name is empty or repeated: <c>MapValueToKey</c> would not give each class its own key.</exception>
    public static string[] Of(ClassLabels classes) =>
        Checked(classes.Names ?? [.. Enumerable.Range(1, classes.Count).Select(key => $"{key}")], "classifier");

    /// <summary><paramref name="names"/>, checked to be keys <c>MapValueToKey</c> can tell apart.</summary>
    /// <param name="names">The class names in class-index order.</param>
    /// <param name="model">What is exported, for the message ("classifier", "detector").</param>
    /// <exception cref="InvalidOperationException">A name is empty or repeated: <c>MapValueToKey</c> would not give each class its own key.</exception>
    public static string[] Checked(string[] names, string model)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < names.Length; k++)
        {
            if (names[k].Length == 0 || !seen.Add(names[k]))
            {
                throw new InvalidOperationException(
                    $"Cannot export the {model} as a plain ML.NET model: class names must be non-empty and distinct, "
                    + $"so that MapValueToKey gives each class its own key; class {k + 1} of {names.Length} is '{names[k]}'.");
            }
        }

        return names;
    }
}
