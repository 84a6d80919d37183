using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>Creates the optimizer named by <see cref="TrainingSettings.Optimizer"/>.</summary>
internal static class OptimizerFactory
{
    public static OptimizerHelper Create(IEnumerable<Parameter> parameters, TrainingSettings settings) => settings.Optimizer switch
    {
        TorchOptimizer.Sgd => optim.SGD(parameters, settings.LearningRate, momentum: settings.Momentum,
            weight_decay: settings.WeightDecay, nesterov: settings.Nesterov && settings.Momentum > 0),
        TorchOptimizer.AdamW => optim.AdamW(parameters, settings.LearningRate, weight_decay: settings.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Optimizer, "Unknown optimizer."),
    };
}
