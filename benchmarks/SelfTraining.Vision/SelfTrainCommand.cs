using System.CommandLine;
using MLNet.SelfTraining.Vision.Augmentation;

namespace SelfTraining.Vision;

/// <summary><c>selftrain</c>: one self-training configuration, printed (and written) as JSON.</summary>
internal static class SelfTrainCommand
{
    public static Command Create()
    {
        var labeled = new Option<int>("--labeled", "-k") { Description = "Labeled set size k.", DefaultValueFactory = _ => 100 };
        var policy = new Option<AugmentationPolicy>("--policy") { Description = "Augmentation policy (None, S1–S4).", DefaultValueFactory = _ => AugmentationPolicy.S1 };
        var seed = new Option<int>("--seed") { Description = "Seed.", DefaultValueFactory = _ => 1 };
        var teacherSteps = new Option<int>("--teacher-steps") { Description = "Teacher optimizer steps.", DefaultValueFactory = _ => 1000 };
        var studentSteps = new Option<int>("--student-steps") { Description = "Student optimizer steps (each round).", DefaultValueFactory = _ => 1000 };
        var rounds = new Option<int>("--rounds") { Description = "Self-training rounds.", DefaultValueFactory = _ => 1 };
        var soft = new Option<bool>("--soft") { Description = "Soft pseudo labels (teacher probabilities)." };
        var noNormalize = new Option<bool>("--no-normalize") { Description = "Plain L_h + α·L_p instead of loss normalization." };
        var threshold = new Option<double>("--threshold") { Description = "Confidence threshold.", DefaultValueFactory = _ => 0.9 };
        var learningRate = new Option<double>("--learning-rate") { Description = "Peak AdamW learning rate.", DefaultValueFactory = _ => 0.001 };
        var studentPolicy = new Option<AugmentationPolicy?>("--student-policy") { Description = "Students' augmentation policy (default: --policy)." };
        var studentDepth = new Option<double>("--student-stochastic-depth") { Description = "Students' stochastic-depth rate.", DefaultValueFactory = _ => 0 };
        var rescore = new Option<bool>("--rescore") { Description = "Re-label every unlabeled row with each round's teacher (Noisy Student) instead of keeping earlier pseudo labels." };
        var pseudoRatio = new Option<double>("--pseudo-ratio") { Description = "Pseudo-labeled rows per human row in each student batch.", DefaultValueFactory = _ => 1 };
        var width = new Option<int>("--width") { Description = "SmallCnn base width.", DefaultValueFactory = _ => 32 };
        var autoAugment = new Option<TorchSharp.torchvision.autoaugment.AutoAugmentPolicy>("--autoaugment-policy") { Description = "AutoAugment policy of S2/S3 (ImageNet, CIFAR10, SVHN).", DefaultValueFactory = _ => TorchSharp.torchvision.autoaugment.AutoAugmentPolicy.ImageNet };
        var rotation = new Option<double>("--rotation") { Description = "Largest random rotation in degrees of S1–S4 (0: the paper's policies).", DefaultValueFactory = _ => 0 };
        var elastic = new Option<double>("--elastic") { Description = "Elastic distortion strength α in pixels of S1–S4 (σ = 4; 0: off).", DefaultValueFactory = _ => 0 };
        var online = new Option<double?>("--online-threshold") { Description = "Students re-label their pseudo rows online where their own probability reaches this value (default: off)." };
        var onlineMask = new Option<bool>("--online-mask") { Description = "With --online-threshold: unconfident pseudo rows leave the loss (FixMatch) instead of keeping the teacher's label." };
        var weightAverage = new Option<double?>("--weight-average") { Description = "Decay of the students' weight moving average (default: off)." };
        var meanTeacher = new Option<bool>("--mean-teacher") { Description = "With --online-threshold and --weight-average: the weight average labels online (RelabelWithWeightAverage)." };
        var fromTeacher = new Option<bool>("--from-teacher") { Description = "Each round's student starts from that round's teacher (SelfTrainingOptions.InitializeStudentFromTeacher)." };
        var balance = new Option<bool>("--balance") { Description = "Noisy Student class balancing of the pseudo labels (PseudoLabelOptions.BalanceClasses)." };
        var output = new Option<string?>("--output", "-o") { Description = "JSON file for the result." };
        var command = new Command("selftrain", "Teacher vs self-trained student on the canonical MNIST-10k split.")
        {
            labeled, policy, seed, teacherSteps, studentSteps, rounds, soft, noNormalize, threshold, learningRate, studentPolicy, studentDepth, rescore, pseudoRatio, width, autoAugment, rotation, elastic, online, onlineMask, weightAverage, balance, fromTeacher, meanTeacher, output,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(onlineMask) && result.GetValue(online) is null)
            {
                result.AddError("--online-mask needs --online-threshold.");
            }

            if (result.GetValue(meanTeacher) && (result.GetValue(online) is null || result.GetValue(weightAverage) is null))
            {
                result.AddError("--mean-teacher needs --online-threshold and --weight-average.");
            }
        });
        command.SetAction(parse =>
        {
            var config = new SelfTrainConfig(parse.GetValue(labeled), parse.GetValue(policy), parse.GetValue(seed),
                parse.GetValue(teacherSteps), parse.GetValue(studentSteps), parse.GetValue(rounds), parse.GetValue(soft),
                !parse.GetValue(noNormalize), parse.GetValue(threshold), parse.GetValue(learningRate),
                parse.GetValue(studentPolicy) ?? parse.GetValue(policy), parse.GetValue(studentDepth),
                parse.GetValue(rescore), parse.GetValue(pseudoRatio), parse.GetValue(width), parse.GetValue(autoAugment),
                parse.GetValue(rotation), parse.GetValue(online), parse.GetValue(onlineMask), parse.GetValue(weightAverage), parse.GetValue(balance),
                parse.GetValue(elastic), parse.GetValue(fromTeacher), parse.GetValue(meanTeacher));
            Json.Emit(SelfTrainRun.Run(config), parse.GetValue(output));
            return 0;
        });
        return command;
    }
}
