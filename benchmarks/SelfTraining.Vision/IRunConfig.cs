namespace SelfTraining.Vision;

/// <summary>The settings of one kind of run of a phase file.</summary>
/// <typeparam name="TSelf">The settings type itself.</typeparam>
internal interface IRunConfig<out TSelf>
{
    /// <summary>The same run for a smoke test (<c>--quick</c>; <see cref="QuickRun"/>).</summary>
    TSelf Shrunk();
}
