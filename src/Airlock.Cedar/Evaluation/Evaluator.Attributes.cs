using Airlock.Cedar.Values;

namespace Airlock.Cedar.Evaluation;

/// <summary>Attribute access and <c>has</c> on records and entities.</summary>
internal readonly partial struct Evaluator
{
    private Value GetAttribute(Value target, string attribute)
    {
        switch (target)
        {
            case RecordValue r:
                return r.TryGet(attribute, out var v)
                    ? v
                    : throw new EvaluationException($"record does not have the attribute `{attribute}`");
            case EntityValue e:
                if (!entities.TryGet(e.Uid, out var entity))
                {
                    throw new EvaluationException($"entity `{e.Uid}` does not exist");
                }

                return entity.Attributes.TryGet(attribute, out var a)
                    ? a
                    : throw new EvaluationException($"`{e.Uid}` does not have the attribute `{attribute}`");
            default:
                throw TypeError("entity or record", target);
        }
    }

    private bool HasAttribute(Value target, string attribute) => target switch
    {
        RecordValue r => r.Has(attribute),
        EntityValue e => entities.TryGet(e.Uid, out var entity) && entity.Attributes.Has(attribute),
        _ => throw TypeError("entity or record", target),
    };
}
