using System.CommandLine;
using SelfTraining.Vision;

var root = new RootCommand("Vision student benchmarks (issue 4): TorchSharp CNN self-training on MNIST-10k, and throughput.")
{
    SelfTrainCommand.Create(),
    ThroughputCommand.Create(),
};
return root.Parse(args).Invoke();
