using System.Globalization;
using System.Text;

namespace SelfTraining.Vision.Study;

/// <summary>The report's pseudo-label section: per self-training run, the teacher's pseudo labels of the unlabeled images against their hidden truth.</summary>
internal static class StudyPseudoLabelSection
{
    public static void Append(StringBuilder md, StudyResults results)
    {
        md.AppendLine("## 3. Pseudo labels").AppendLine();
        md.AppendLine("The teacher (the cell's random-init model, or its supervised pre-trained one for pre-training + self-training) labels the "
            + "unlabeled images at the score or pixel-confidence threshold; the figures compare those labels with the images' hidden truth. "
            + "The object-centric images are not scenes: one large digit, roughly centred, on each — a detector trained on scenes of up to four "
            + "smaller digits sees a shifted input distribution, so their pseudo labels need not be as good as the scenes'. A run whose teacher "
            + "left no pseudo label trains no student (the teacher stays the model).").AppendLine();
        var runs = results.All.Where(r => r.PseudoLabels is not null).OrderBy(r => r.Task).ThenBy(r => r.Policy).ThenBy(r => r.Labeled)
            .ThenBy(r => r.Arm).ThenBy(r => r.Seed).ToList();
        var boxes = runs.Where(r => r.PseudoLabels!.Boxes is not null).ToList();
        if (boxes.Count > 0)
        {
            md.AppendLine("### Detection: pseudo boxes (same class, IoU ≥ 0.5 to a true box)").AppendLine();
            MarkdownTable.Append(md, ["run", "unlabeled", "images", "with pseudo boxes", "boxes / image", "precision", "recall", "student trained"],
                boxes.Select(r => r.PseudoLabels!.Boxes!).Zip(boxes, (b, r) => (IReadOnlyList<string>)
                [
                    Name(r), r.SelfTraining, Count(b.Images), Count(b.PseudoImages), Ratio((double)b.Boxes / Math.Max(1, b.Images - b.InvalidImages)),
                    Percent(b.Precision), Percent(b.Recall), Trained(r),
                ]));
        }

        var masks = runs.Where(r => r.PseudoLabels!.Masks is not null).ToList();
        if (masks.Count > 0)
        {
            md.AppendLine("### Segmentation: pseudo pixels (confidence at or above the threshold)").AppendLine();
            MarkdownTable.Append(md, ["run", "unlabeled", "images", "with pseudo pixels", "pixel coverage", "pixel accuracy", "student trained"],
                masks.Select(r => r.PseudoLabels!.Masks!).Zip(masks, (m, r) => (IReadOnlyList<string>)
                [
                    Name(r), r.SelfTraining, Count(m.Images), Count(m.PseudoImages), Percent(m.SelectedPixelShare), Percent(m.PseudoPixelAccuracy), Trained(r),
                ]));
        }
    }

    private static string Name(StudyResult run) => $"{run.Cell()} {run.Arm} seed {run.Seed}";

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A share in %, "–" when undefined (no pseudo label to judge).</summary>
    private static string Percent(double value) => double.IsFinite(value) ? SeedStat.Format(value) + " %" : "–";

    private static string Trained(StudyResult run) => run.StudentTrained == true ? "yes" : "no";
}
