using System.CommandLine;
using SelfTraining.Vision;

var root = new RootCommand("Vision student benchmarks (issue 4): the runs of phase files (benchmarks/configs/vision): TorchSharp CNN self-training on MNIST-10k, and throughput.")
{
    SelfTrainCommand.Create(),
    ThroughputCommand.Create(),
    RunsCommand.Create(),
};
return root.Parse(args).Invoke();
