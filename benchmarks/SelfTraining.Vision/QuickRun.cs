namespace SelfTraining.Vision;

/// <summary>The smoke-run rule (<c>--quick</c>), as benchmarks/python/phases.py's <c>shrink</c>.</summary>
internal static class QuickRun
{
    /// <summary>A step count × 3/50 (500 → 30), at least 1.</summary>
    public static int Steps(int steps) => Math.Max(1, steps * 3 / 50);
}
