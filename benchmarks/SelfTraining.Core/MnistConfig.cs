using MLNet.SelfTraining;

namespace SelfTraining.Core;

/// <summary>One MNIST configuration: trainer, split, labeled-set size, weighting, rounds, threshold and validation guard.</summary>
internal sealed record MnistConfig(
    string Trainer, string Split, int Labeled, PseudoLabelWeighting Weighting, double Alpha, int Iterations, double Threshold,
    string Guard, bool Refit, IReadOnlyList<double>? Thresholds, int Patience)
{
    /// <summary>The guard choices of <c>--guard</c>.</summary>
    public static readonly string[] Guards = ["off", "auto", "holdout", "cv"];

    /// <summary>A short name of the guard setting, e.g. "holdout+refit, grid 0.75/0.9".</summary>
    public string GuardName => Guard == "off"
        ? "off"
        : $"{Guard}{(Guard == "holdout" ? (Refit ? "+refit" : ", no refit") : "")}{(Thresholds is { } t ? $", grid {string.Join("/", t)}" : "")}{(Patience != 1 ? $", patience {Patience}" : "")}";

    /// <summary>The library's options for this configuration.</summary>
    public ValidationOptions Validation() => Guard switch
    {
        "off" => new ValidationOptions { Enabled = false },
        "auto" => new ValidationOptions { ConfidenceThresholds = Thresholds, Patience = Patience },
        "holdout" => new ValidationOptions { Method = ValidationMethod.HoldOut, RefitOnAllLabeled = Refit, ConfidenceThresholds = Thresholds, Patience = Patience },
        "cv" => new ValidationOptions { Method = ValidationMethod.CrossValidation, ConfidenceThresholds = Thresholds, Patience = Patience },
        _ => throw new ArgumentException($"Unknown guard '{Guard}'; expected one of {string.Join(", ", Guards)}.", nameof(Guard)),
    };
}
