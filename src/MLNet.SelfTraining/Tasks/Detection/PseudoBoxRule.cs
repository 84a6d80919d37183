namespace MLNet.SelfTraining.Tasks.Detection;

/// <summary>
/// The pseudo-box rule of one teacher output row: boxes without area (x1 ≤ x0 or y1 ≤ y0) are dropped; per-class
/// greedy non-maximum suppression by descending score (ties keep the teacher's order) drops a box whose IoU with a kept
/// box of its class is greater than <see cref="PseudoBoxOptions.NmsIouThreshold"/>; a kept box whose score is at least
/// <see cref="PseudoBoxOptions.ScoreThreshold"/> is a pseudo box; the first <see cref="PseudoBoxOptions.MaximumBoxesPerImage"/>
/// are kept. A box below the threshold can only suppress boxes of lower score, which are below it too, so the threshold
/// is applied before suppression with the same result.
/// </summary>
/// <param name="options">The rule's thresholds and the teacher's column names (for messages).</param>
/// <param name="classCount">K: predicted keys must be 1…K.</param>
internal sealed class PseudoBoxRule(PseudoBoxOptions options, int classCount)
{
    /// <summary>
    /// Builds the pseudo target of one row. Returns <see langword="false"/> (an invalid row) when a score or a
    /// coordinate is NaN or infinite.
    /// </summary>
    /// <param name="keys">The teacher's class key per box.</param>
    /// <param name="boxes">The teacher's boxes, 4 coordinates each.</param>
    /// <param name="scores">The teacher's score per box.</param>
    /// <param name="row">The unlabeled row, for messages.</param>
    /// <param name="target">The pseudo boxes.</param>
    /// <param name="confidence">The mean score of the pseudo boxes (0 when there are none).</param>
    /// <exception cref="InvalidOperationException">The three lengths disagree, or a key is outside 1…K.</exception>
    public bool TryBuild(ReadOnlySpan<uint> keys, ReadOnlySpan<float> boxes, ReadOnlySpan<float> scores, long row, out BoxPrediction target, out float confidence)
    {
        CheckLengths(keys, boxes, scores, row);
        (target, confidence) = (default, float.NaN);
        if (HasNonFinite(scores) || HasNonFinite(boxes))
        {
            // Checked before the keys: a teacher may mark an image it could not score (e.g. NaN pixels) with key 0.
            return false;
        }

        CheckKeys(keys, row);
        var candidates = new List<int>();
        for (int i = 0; i < keys.Length; i++)
        {
            if (scores[i] >= options.ScoreThreshold && BoxGeometry.HasArea(boxes, i))
            {
                candidates.Add(i);
            }
        }

        var order = scores.ToArray();
        candidates.Sort((a, b) =>
        {
            int byScore = order[b].CompareTo(order[a]);
            return byScore != 0 ? byScore : a.CompareTo(b);
        });
        var kept = new List<int>();
        foreach (int i in candidates)
        {
            if (kept.Count == options.MaximumBoxesPerImage)
            {
                break;
            }

            if (!Suppressed(i, kept, keys, boxes))
            {
                kept.Add(i);
            }
        }

        var pseudoBoxes = new float[4 * kept.Count];
        for (int k = 0; k < kept.Count; k++)
        {
            boxes.Slice(4 * kept[k], 4).CopyTo(pseudoBoxes.AsSpan(4 * k));
        }

        var classes = new int[kept.Count];
        for (int k = 0; k < kept.Count; k++)
        {
            classes[k] = (int)keys[kept[k]] - 1;
        }

        target = new BoxPrediction(classes, pseudoBoxes, kept.Select(i => order[i]).ToArray());
        confidence = target.MeanScore;
        return true;
    }

    private bool Suppressed(int box, List<int> kept, ReadOnlySpan<uint> keys, ReadOnlySpan<float> boxes)
    {
        foreach (int other in kept)
        {
            if (keys[other] == keys[box] && BoxGeometry.Iou(boxes, other, boxes, box) > options.NmsIouThreshold)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasNonFinite(ReadOnlySpan<float> values)
    {
        foreach (var value in values)
        {
            if (!float.IsFinite(value))
            {
                return true;
            }
        }

        return false;
    }

    private void CheckLengths(ReadOnlySpan<uint> keys, ReadOnlySpan<float> boxes, ReadOnlySpan<float> scores, long row)
    {
        if (boxes.Length != 4 * keys.Length || scores.Length != keys.Length)
        {
            throw new InvalidOperationException(
                $"The teacher's output was expected to hold, per box, a class key in '{options.PredictedLabelColumnName}', 4 coordinates in '{options.PredictedBoundingBoxesColumnName}' and a score in '{options.ScoreColumnName}'; got {keys.Length} keys, {boxes.Length} coordinates and {scores.Length} scores at unlabeled row {row}.");
        }
    }

    private void CheckKeys(ReadOnlySpan<uint> keys, long row)
    {
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] is 0 || keys[i] > classCount)
            {
                throw new InvalidOperationException(
                    $"The teacher's predicted label column '{options.PredictedLabelColumnName}' was expected to hold keys 1…{classCount}; got {keys[i]} at box {i} of unlabeled row {row}.");
            }
        }
    }
}
