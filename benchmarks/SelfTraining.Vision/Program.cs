using System.CommandLine;
using SelfTraining.Vision;
using SelfTraining.Vision.Study;

var root = new RootCommand("Vision student benchmarks (issues 4, 14 and 15): the runs of phase files (benchmarks/configs/vision): TorchSharp CNN self-training on MNIST-10k, throughput, and segmentation and detection self-training on MNIST scenes; the pre-training vs self-training study (issue 16); fine-tuning from ImageNet weights (issue 17).")
{
    RunCommand.Create<SelfTrainConfig>(RunKind.SelfTrain, "Teacher vs self-trained student: one selftrain run of a phase file.", SelfTrainRun.Run),
    RunCommand.Create<ThroughputConfig>(RunKind.Throughput, "Training and inference images/s of the SmallCnn (1 thread): one throughput run of a phase file.",
        config => config.Raw ? RawThroughputRun.Run(config.Steps, config.Repeats) : ThroughputRun.Run(config)),
    RunCommand.Create<SceneConfig>(RunKind.Segment, "Segmentation teacher vs self-trained student on MNIST scenes: one segment run of a phase file.", SegmentRun.Run),
    RunCommand.Create<SceneConfig>(RunKind.Detect, "Detection teacher vs self-trained student on MNIST scenes: one detect run of a phase file.", DetectRun.Run),
    RunCommand.Create<FineTuneConfig>(RunKind.FineTune, "Classifier on the ImageNet ResNet-18 from ImageNet or random weights on upscaled digits: one finetune run of a phase file.", FineTuneRun.Run),
    DetectEvalCommand.Create(),
    ScenesExportCommand.Create(),
    RunsCommand.Create(),
    StudyCommand.Create(),
    StudyRunCommand.Create(),
    StudyReportCommand.Create(),
};
return root.Parse(args).Invoke();
