namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>The optimizers of the TorchSharp training engine.</summary>
public enum TorchOptimizer
{
    /// <summary>Stochastic gradient descent with (optionally Nesterov) momentum and coupled L2 weight decay.</summary>
    Sgd,

    /// <summary>AdamW (Loshchilov and Hutter 2019): Adam with decoupled weight decay.</summary>
    AdamW,
}
