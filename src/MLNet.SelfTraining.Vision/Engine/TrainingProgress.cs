namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// One optimizer step of a TorchSharp trainer's fit, given to its progress option (e.g.
/// <see cref="Tasks.Classification.TorchImageClassifierTrainer.Options.Progress"/>).
/// </summary>
/// <param name="Step">Steps done, from 1 to <paramref name="TotalSteps"/>.</param>
/// <param name="TotalSteps">Steps of the fit.</param>
/// <param name="LossAverage">The mean training loss of the steps since the current epoch began, this one included
/// (the figure the epoch's log line prints at its end).</param>
/// <param name="LearningRate">The learning rate of this step (warmup, then cosine decay).</param>
public sealed record TrainingProgress(int Step, int TotalSteps, double LossAverage, double LearningRate);
