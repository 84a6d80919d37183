namespace MLNet.SelfTraining;

/// <summary>How pseudo-labeled rows are weighted against human-labeled rows (weight 1) for trainers that read example weights.</summary>
public enum PseudoLabelWeighting
{
    /// <summary>
    /// The example-weight analogue of Zoph et al.'s loss normalization: each pseudo row gets
    /// <c>α · (N_h / N_p) · (L̄_h / L̄_p)</c>, where L̄_h and L̄_p are the teacher's mean log-loss on the human labels
    /// and on its own selected pseudo labels, so the pseudo part of the objective carries the share α / (1 + α).
    /// </summary>
    Normalized,

    /// <summary>Each pseudo row gets the fixed weight α (α = 1 is scikit-learn's behaviour: pseudo rows count as human rows).</summary>
    Fixed,
}
