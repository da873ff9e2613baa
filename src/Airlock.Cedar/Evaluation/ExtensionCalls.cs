using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Evaluation;

/// <summary>Evaluates extension function and method calls.</summary>
internal static class ExtensionCalls
{
    public static Value Invoke(Evaluator evaluator, ExtensionCallExpr call)
    {
        _ = evaluator;
        throw new EvaluationException($"extension function `{call.Name}` is not available");
    }

    internal static Value InvokeByName(string name, Value[] args)
    {
        _ = args;
        throw new EvaluationException($"extension function `{name}` is not available");
    }
}
