namespace MLNet.SelfTraining.Vision.Persistence;

/// <summary>
/// Runs an archive's load checks on the manifest a fit would save, before the fit trains anything: a trainer never
/// spends minutes on a model that its own <c>Load</c> would refuse (a class count, an image size or a scoring batch
/// beyond the bounds that protect a loading process).
/// </summary>
internal static class LoadableModel
{
    /// <summary>How the load checks' messages name the model.</summary>
    public const string Description = "the model this fit would train";

    /// <param name="check">The archive's manifest checks, given <see cref="Description"/> as the archive's path.</param>
    /// <param name="trainer">The trainer, for the message.</param>
    /// <exception cref="ArgumentOutOfRangeException">The model could not be loaded back; the message names the field.</exception>
    public static void Require(Action<string> check, string trainer)
    {
        try
        {
            check(Description);
        }
        catch (InvalidDataException e)
        {
            throw new ArgumentOutOfRangeException("options",
                $"{trainer} would train a model that its Load refuses: {e.Message} Reduce the option, or the number of classes, that the field comes from.");
        }
    }
}
