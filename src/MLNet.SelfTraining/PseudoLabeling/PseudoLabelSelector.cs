namespace MLNet.SelfTraining.PseudoLabeling;

/// <summary>
/// Learns the per-class cuts and multiplicities of <see cref="PseudoLabelOptions"/> from a stream of
/// (predicted class, confidence) pairs, in memory bounded by the caps rather than by the number of rows — except when
/// classes are balanced to the mean (<see cref="PseudoLabelOptions.SamplesPerClass"/> unset), which is only known at
/// the end, so every candidate's confidence (4 bytes) is kept until then.
/// </summary>
internal sealed class PseudoLabelSelector
{
    private readonly PseudoLabelOptions _options;
    private readonly long[] _candidates;
    private readonly PriorityQueue<float, float>?[] _classTop;
    private readonly PriorityQueue<float, float>? _globalTop;
    private readonly int _classCap;

    public PseudoLabelSelector(PseudoLabelOptions options, int classCount)
    {
        options.Validate(classCount);
        _options = options;
        _candidates = new long[classCount];
        _classCap = Math.Min(options.MaximumPerClass ?? int.MaxValue, options.BalanceClasses ? options.SamplesPerClass ?? int.MaxValue : int.MaxValue);
        _classTop = new PriorityQueue<float, float>?[classCount];
        if (_classCap != int.MaxValue || options.BalanceClasses)
        {
            for (int c = 0; c < classCount; c++)
            {
                _classTop[c] = new PriorityQueue<float, float>();
            }
        }

        if (options.MaximumSelected is not null)
        {
            _globalTop = new PriorityQueue<float, float>();
        }
    }

    /// <summary>Whether a row of class <paramref name="classIndex"/> with this confidence passes the threshold.</summary>
    private bool IsCandidate(int classIndex, float confidence) => confidence > _options.ThresholdOf(classIndex);

    /// <summary>Records one row if it passes the threshold; returns whether it did.</summary>
    public bool Observe(int classIndex, float confidence)
    {
        if (!IsCandidate(classIndex, confidence))
        {
            return false;
        }

        _candidates[classIndex]++;
        Keep(_classTop[classIndex], _classCap, confidence);
        Keep(_globalTop, _options.MaximumSelected ?? 0, confidence);
        return true;
    }

    /// <summary>The learned selection.</summary>
    public PseudoLabelSelection Finish()
    {
        int k = _candidates.Length;
        var cuts = new float[k];
        var kept = new long[k];
        float globalCut = _globalTop is not null && _globalTop.Count == _options.MaximumSelected ? _globalTop.Peek() : float.NegativeInfinity;
        for (int c = 0; c < k; c++)
        {
            var top = _classTop[c];
            bool capped = top is not null && _candidates[c] > _classCap;
            cuts[c] = Math.Max(capped ? top!.Peek() : float.NegativeInfinity, globalCut);
            kept[c] = capped ? _classCap : _candidates[c];
        }

        var multiplicity = new float[k];
        Array.Fill(multiplicity, 1f);
        if (_options.BalanceClasses)
        {
            var present = kept.Where(n => n > 0).ToArray();
            long target = _options.SamplesPerClass ?? (present.Length == 0 ? 0 : (long)Math.Ceiling(present.Average()));
            for (int c = 0; c < k; c++)
            {
                if (kept[c] > target)
                {
                    // Only reached for the mean target: a given SamplesPerClass already capped the queue while streaming.
                    cuts[c] = Math.Max(cuts[c], CutOfTop(_classTop[c]!, target));
                }
                else if (kept[c] > 0 && kept[c] < target)
                {
                    multiplicity[c] = (float)target / kept[c];
                }
            }
        }

        return new PseudoLabelSelection(_options, cuts, multiplicity);
    }

    /// <summary>The confidence of the <paramref name="count"/>-th most confident entry (the queue is consumed).</summary>
    private static float CutOfTop(PriorityQueue<float, float> top, long count)
    {
        while (top.Count > count)
        {
            top.Dequeue();
        }

        return top.Peek();
    }

    private static void Keep(PriorityQueue<float, float>? top, int cap, float confidence)
    {
        if (top is null)
        {
            return;
        }

        if (top.Count < cap)
        {
            top.Enqueue(confidence, confidence);
        }
        else if (confidence > top.Peek())
        {
            top.DequeueEnqueue(confidence, confidence);
        }
    }
}
