using System.Diagnostics;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// The task-independent optimization loop: per step a dispose scope, cancellation check, warmup-cosine learning rate,
/// zero-grad/backward/step (and optionally the update of a moving average of the weights, see <see cref="WeightAverage"/>,
/// copied into the model at the end); per step a <see cref="TrainingProgress"/> report to
/// <see cref="TrainingSettings.Progress"/>; per epoch a progress message (mean loss, images/s) on the ML.NET channel.
/// </summary>
/// <remarks>The caller supplies the loss of each step; tensors it creates are released by the step's dispose scope.</remarks>
internal sealed class TrainingLoop
{
    private readonly TrainingSettings _settings;
    private readonly IChannel _channel;

    public TrainingLoop(TrainingSettings settings, IChannel channel)
    {
        _settings = settings;
        _channel = channel;
    }

    /// <summary>Trains <paramref name="model"/> for <see cref="TrainingSettings.TotalSteps"/> steps.</summary>
    /// <param name="model">The module whose parameters are optimized; it is put in training mode.</param>
    /// <param name="lossOfStep">Computes the scalar loss of a zero-based step and the number of images it used.</param>
    /// <param name="average">A moving average of <paramref name="model"/>'s weights, updated after each step and copied
    /// into the model at the end; <see langword="null"/> keeps the last step's weights.</param>
    public void Run(nn.Module model, Func<int, (Tensor Loss, int Images)> lossOfStep, WeightAverage? average = null)
    {
        var schedule = new WarmupCosineSchedule(_settings.LearningRate, _settings.WarmupSteps, _settings.TotalSteps);
        using var optimizer = OptimizerFactory.Create(model.parameters(), _settings);
        model.train();
        var epochs = (_settings.TotalSteps + _settings.StepsPerEpoch - 1) / _settings.StepsPerEpoch;
        var clock = Stopwatch.StartNew();
        double lossSum = 0;
        long images = 0;
        var epochSteps = 0;
        for (var step = 0; step < _settings.TotalSteps; step++)
        {
            _settings.CancellationToken.ThrowIfCancellationRequested();
            using (var scope = NewDisposeScope())
            {
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = schedule.LearningRate(step);
                }

                optimizer.zero_grad();
                var (loss, count) = lossOfStep(step);
                loss.backward();
                optimizer.step();
                average?.Update(model);
                lossSum += TensorValues.Double(loss);
                images += count;
                epochSteps++;
            }

            _settings.Progress?.Report(new TrainingProgress(step + 1, _settings.TotalSteps, lossSum / epochSteps, schedule.LearningRate(step)));
            if (epochSteps == _settings.StepsPerEpoch || step == _settings.TotalSteps - 1)
            {
                var seconds = clock.Elapsed.TotalSeconds;
                _channel.Info(MessageSensitivity.None,
                    $"Epoch {(step / _settings.StepsPerEpoch) + 1}/{epochs}: loss {lossSum / epochSteps:F4}, {images / seconds:F0} images/s, learning rate {schedule.LearningRate(step):G3}.");
                lossSum = 0;
                images = 0;
                epochSteps = 0;
                clock.Restart();
            }
        }
        average?.CopyTo(model);
    }
}
