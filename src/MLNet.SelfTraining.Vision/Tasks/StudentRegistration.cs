using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Vision.Tasks;

/// <summary>How a TorchSharp image trainer joins the self-training run it is fitted in, as its student.</summary>
internal static class StudentRegistration
{
    /// <summary>
    /// Registers <paramref name="trainer"/> with the ambient run (<see cref="StudentContext.Current"/>), if any, and returns
    /// the run. A student must train in student mode: it refuses an input without its flag column rather than train as a
    /// plain supervised model.
    /// </summary>
    /// <param name="trainer">The trainer being fitted.</param>
    /// <param name="trainerName">The trainer's type name, for the message.</param>
    /// <param name="hasFlagColumn">Whether the input has the trainer's pseudo-label flag column.</param>
    /// <exception cref="InvalidOperationException">The trainer is fitted in a run and the input has no flag column.</exception>
    public static StudentContext? Join(IPseudoLabelConsumer trainer, string trainerName, bool hasFlagColumn)
    {
        var run = StudentContext.Current;
        if (run is not null)
        {
            run.Register(trainer);
            if (!hasFlagColumn)
            {
                throw new InvalidOperationException(
                    $"{trainerName} is being fitted as a self-training student, but its input has no '{trainer.PseudoLabelFlagColumnName}' column (Options.{nameof(IPseudoLabelConsumer.PseudoLabelFlagColumnName)}), so it cannot train in student mode. "
                    + "A transform between the self-training stage and this trainer drops or renames it, or an estimator that wraps the trainer does not forward GetOutputSchema.");
            }
        }

        return run;
    }
}
