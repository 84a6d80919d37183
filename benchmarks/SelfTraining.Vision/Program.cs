using System.CommandLine;
using SelfTraining.Vision;

var root = new RootCommand("Vision student benchmarks (issue 4): the runs of phase files (benchmarks/configs/vision): TorchSharp CNN self-training on MNIST-10k, and throughput.")
{
    RunCommand.Create<SelfTrainConfig>(RunKind.SelfTrain, "Teacher vs self-trained student: one selftrain run of a phase file.", SelfTrainRun.Run),
    RunCommand.Create<ThroughputConfig>(RunKind.Throughput, "Training and inference images/s of the SmallCnn (1 thread): one throughput run of a phase file.",
        config => config.Raw ? RawThroughputRun.Run(config.Steps, config.Repeats) : ThroughputRun.Run(config)),
    RunsCommand.Create(),
};
return root.Parse(args).Invoke();
