using Airlock.Cedar.Ast;
using Airlock.Cedar.Extensions;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Evaluation;

/// <summary>Evaluates extension function and method calls through the extension registry.</summary>
internal static class ExtensionCalls
{
    private const int MaxStackArguments = 4;

    public static Value Invoke(Evaluator evaluator, ExtensionCallExpr call)
    {
        if (call.Constant is { } constant)
        {
            return constant;
        }

        var value = Compute(evaluator, call);
        if (call.HasOnlyLiteralArguments)
        {
            // Extension values are immutable, so sharing one across requests and threads is safe.
            call.Constant = value;
        }

        return value;
    }

    private static Value Compute(Evaluator evaluator, ExtensionCallExpr call)
    {
        // The function is resolved once per node; the parser only admits known names.
        if (call.Resolved is not ExtensionFunction fn)
        {
            fn = ExtensionRegistry.TryGet(call.Name, out var found)
                ? found
                : throw new EvaluationException($"unknown extension function `{call.Name}`");
            call.Resolved = fn;
        }

        var count = call.Arguments.Count;
        if (count > MaxStackArguments)
        {
            var heap = new Value[count];
            for (var i = 0; i < count; i++)
            {
                heap[i] = evaluator.Evaluate(call.Arguments[i]);
            }

            return fn.Invoke(heap);
        }

        var buffer = default(ArgumentBuffer);
        Span<Value> args = buffer[..count];
        for (var i = 0; i < count; i++)
        {
            args[i] = evaluator.Evaluate(call.Arguments[i]);
        }

        return fn.Invoke(args);
    }

    /// <summary>Calls an extension function by name (used for <c>__extn</c> escapes in JSON data).</summary>
    public static Value InvokeByName(string name, Value[] args) =>
        ExtensionRegistry.TryGet(name, out var fn)
            ? fn.Invoke(args)
            : throw new EvaluationException($"unknown extension function `{name}`");

    // Arguments live on the stack so that calls such as `ip("…").isInRange(…)` allocate only their result.
    [System.Runtime.CompilerServices.InlineArray(MaxStackArguments)]
    private struct ArgumentBuffer
    {
        private Value element;
    }
}
