using System.Globalization;

namespace SelfTraining.Vision.Study;

/// <summary>
/// Every run of a <see cref="StudyConfig"/>, in start order (the first seeds before the repeat seeds, then stage, then plan order): a supervised and a SimCLR
/// pre-training per seed; per task, cell and seed every arm (the unlabeled-scenes variant only at the strongest policy
/// and the first seeds); per task and speedup cell the pre-trained inits at each shorter budget (first seeds).
/// </summary>
internal static class StudyPlan
{
    public static IReadOnlyList<StudyRun> Create(StudyConfig config)
    {
        var runs = new List<StudyRun>();
        foreach (var seed in config.Seeds.Concat(config.RepeatSeeds).Distinct())
        {
            runs.AddRange(StudyArm.Pretrainings.Select(method =>
                new StudyRun(PretrainingId(method, seed), 0, method, seed, Pretraining(config, method).Steps, null, null, null, null, null, SavesModel: true)));
        }

        foreach (var task in config.Tasks)
        {
            foreach (var cell in config.Cells())
            {
                var repeats = config.RepeatCells.Contains(cell) ? config.RepeatSeeds : [];
                runs.AddRange(config.Seeds.SelectMany(seed => Arms(config, task, cell, seed, scenesVariant: cell.Policy == config.StrongestPolicy)));
                runs.AddRange(repeats.SelectMany(seed => Arms(config, task, cell, seed, scenesVariant: false)));
                if (config.SpeedupCells.Contains(cell))
                {
                    runs.AddRange(
                        from seed in config.Seeds
                        from init in StudyArm.Pretrainings
                        from steps in config.SpeedupSteps
                        select Arm(config, task, cell, StudyArm.Plain(init), seed, steps));
                }
            }
        }

        // The first seeds' runs before the repeats', so that a cut-off study has every cell once.
        return [.. runs.OrderBy(run => config.Seeds.Contains(run.Seed) ? 0 : 1).ThenBy(run => run.Stage)];
    }

    /// <summary>The run <paramref name="id"/> of <paramref name="config"/>.</summary>
    public static StudyRun Find(StudyConfig config, string id) =>
        Create(config).SingleOrDefault(run => run.Id == id) ?? throw new ArgumentException($"The study has no run '{id}'.", nameof(id));

    /// <summary>The id of the pre-training <paramref name="method"/> at <paramref name="seed"/>: its backbone is that run's model.</summary>
    public static string PretrainingId(string method, int seed) => string.Create(CultureInfo.InvariantCulture, $"pretrain-{method}-seed{seed}");

    /// <summary>The settings of the pre-training <paramref name="method"/>.</summary>
    public static PretrainingConfig Pretraining(StudyConfig config, string method) =>
        method == StudyArm.SupervisedInit ? config.SupervisedPretraining : config.SimClrPretraining;

    private static IEnumerable<StudyRun> Arms(StudyConfig config, string task, StudyCell cell, int seed, bool scenesVariant) =>
        StudyArm.All.Where(arm => arm != StudyArm.SelfTrainScenes || scenesVariant).Select(arm => Arm(config, task, cell, arm, seed, config.Steps));

    private static StudyRun Arm(StudyConfig config, string task, StudyCell cell, StudyArm arm, int seed, int steps)
    {
        var full = steps == config.Steps;
        var backbone = arm.Init == StudyArm.RandomInit ? null : PretrainingId(arm.Init, seed);
        var teacher = arm.TeacherArm is { } teacherArm ? ArmId(task, cell, StudyArm.Named(teacherArm), seed, steps, full: true) : null;
        var isTeacher = full && StudyArm.All.Any(other => other.TeacherArm == arm.Name);
        return new StudyRun(ArmId(task, cell, arm, seed, steps, full), teacher is null && full ? 1 : 2, arm.Init, seed, steps, task, cell, arm,
            backbone, teacher, isTeacher);
    }

    private static string ArmId(string task, StudyCell cell, StudyArm arm, int seed, int steps, bool full) =>
        string.Create(CultureInfo.InvariantCulture, $"{task}-{cell.Policy}-k{cell.Labeled}-{arm.Name}{(full ? "" : $"-t{steps}")}-seed{seed}");
}
