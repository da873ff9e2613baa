using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Parsing;

/// <summary>Policies: annotations, effect, scope and conditions.</summary>
internal sealed partial class Parser
{
    private Policy ParsePolicy(string id)
    {
        var start = Current.Start;
        var annotations = ParseAnnotations();

        var effectToken = Expect(TokenKind.Identifier, "`permit` or `forbid`");
        var effectText = TextOf(effectToken);
        Effect effect;
        if (effectText == "permit")
        {
            effect = Effect.Permit;
        }
        else if (effectText == "forbid")
        {
            effect = Effect.Forbid;
        }
        else
        {
            throw Fail(effectToken.Start, $"invalid policy effect `{effectText}`", "a policy starts with `permit` or `forbid`");
        }

        Expect(TokenKind.LeftParen, "`(` to start the policy scope");
        var (principal, action, resource) = ParseScope(effectToken);
        var conditions = new List<Condition>();
        while (Current.Kind == TokenKind.Identifier)
        {
            conditions.Add(ParseCondition());
        }

        var end = Expect(TokenKind.Semicolon, "`;` at the end of the policy");
        return new Policy(id, effect, annotations, principal, action, resource, conditions, new SourceSpan(start, end.End));
    }

    private List<Annotation> ParseAnnotations()
    {
        var annotations = new List<Annotation>();
        while (Current.Kind == TokenKind.At)
        {
            var at = Advance();
            var keyToken = Expect(TokenKind.Identifier, "an annotation name after `@`");
            var key = TextOf(keyToken);
            string? value = null;
            if (Accept(TokenKind.LeftParen))
            {
                value = UnescapeString(Expect(TokenKind.String, "a string as the annotation value"));
                Expect(TokenKind.RightParen, "`)` after the annotation value");
            }

            if (annotations.Exists(a => a.Key == key))
            {
                throw Fail(at.Start, $"duplicate annotation: `@{key}`", "each annotation key may appear once per policy");
            }

            annotations.Add(new Annotation(key, value));
        }

        return annotations;
    }

    private (EntityScope Principal, ActionScope Action, EntityScope Resource) ParseScope(Token effectToken)
    {
        EntityScope? principal = null;
        ActionScope? action = null;
        EntityScope? resource = null;
        var count = 0;
        while (Current.Kind != TokenKind.RightParen)
        {
            var varToken = Expect(TokenKind.Identifier, "`principal`, `action` or `resource`");
            switch (count)
            {
                case 0: principal = ParseEntityScope(varToken, "principal", SlotId.Principal); break;
                case 1: action = ParseActionScope(varToken); break;
                case 2: resource = ParseEntityScope(varToken, "resource", SlotId.Resource); break;
                default: throw Fail(varToken.Start, "extra element in the policy scope", "the scope has exactly three elements: principal, action, resource");
            }

            count++;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        var close = Expect(TokenKind.RightParen, "`)` to end the policy scope");
        if (count < 3)
        {
            var missing = count == 0 ? "principal" : count == 1 ? "action" : "resource";
            throw Fail(close.Start, $"this policy is missing the `{missing}` variable in the scope", "write the scope as `(principal, action, resource)`");
        }

        _ = effectToken;
        return (principal!, action!, resource!);
    }

    private EntityScope ParseEntityScope(Token varToken, string expected, SlotId slot)
    {
        CheckScopeVariable(varToken, expected);
        RejectTypeAnnotation();
        string? isType = null;
        if (IsIdent(Current, "is"))
        {
            Advance();
            isType = ParseEntityTypeName();
        }

        var opToken = Current;
        if (!IsScopeOperator(opToken))
        {
            return isType is null ? EntityScope.Any : new EntityScope(ScopeKind.Is, null, null, isType);
        }

        Advance();
        var isIn = IsIdent(opToken, "in");
        if (!isIn && opToken.Kind != TokenKind.EqualEqual)
        {
            throw ScopeOperatorError(opToken);
        }

        if (!isIn && isType is not null)
        {
            throw Fail(opToken.Start, "`is` cannot be used together with `==`", "try using `_ is _ in _`");
        }

        var (entity, foundSlot) = ParseScopeEntity(slot);
        if (isIn && IsIdent(Current, "is"))
        {
            throw Fail(Current.Start, "when `is` and `in` are used together, `is` must come first", "try `_ is _ in _`");
        }

        var kind = isType is not null ? ScopeKind.IsIn : isIn ? ScopeKind.In : ScopeKind.Eq;
        return new EntityScope(kind, entity, foundSlot, isType);
    }

    private ActionScope ParseActionScope(Token varToken)
    {
        CheckScopeVariable(varToken, "action");
        RejectTypeAnnotation();
        if (IsIdent(Current, "is"))
        {
            throw Fail(Current.Start, "`is` cannot appear in the action scope", "try moving `action is ..` into a `when` condition");
        }

        var opToken = Current;
        if (!IsScopeOperator(opToken))
        {
            return ActionScope.Any;
        }

        Advance();
        var isIn = IsIdent(opToken, "in");
        if (!isIn && opToken.Kind != TokenKind.EqualEqual)
        {
            throw ScopeOperatorError(opToken);
        }

        var start = Current.Start;
        var (entities, isList) = ParseActionEntities(allowList: isIn);
        foreach (var e in entities)
        {
            if (!e.IsAction)
            {
                throw Fail(start, $"expected an entity uid with type `Action` but got `{e}`", "action entities must have type `Action`, optionally in a namespace");
            }
        }

        if (isIn && IsIdent(Current, "is"))
        {
            throw Fail(Current.Start, "`is` cannot appear in the action scope", "try moving `action is ..` into a `when` condition");
        }

        return new ActionScope(isIn ? ScopeKind.In : ScopeKind.Eq, entities, isList);
    }

    private bool IsScopeOperator(Token t) =>
        t.Kind is TokenKind.EqualEqual or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessEqual
            or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.Equal || IsIdent(t, "in");

    private ParseFailure ScopeOperatorError(Token op) => op.Kind == TokenKind.Equal
        ? Fail(op.Start, "`=` is not a valid operator in Cedar", "try using `==` instead")
        : Fail(op.Start, $"`{TextOf(op)}` is not a valid operator in the policy scope", "policy scopes support only `==`, `in`, `is` and `is _ in _`");

    private void CheckScopeVariable(Token varToken, string expected)
    {
        var name = TextOf(varToken);
        if (name != expected)
        {
            throw Fail(varToken.Start, $"found `{name}` where `{expected}` was expected in the policy scope", "write the scope as `(principal, action, resource)`");
        }
    }

    private void RejectTypeAnnotation()
    {
        if (Current.Kind == TokenKind.Colon)
        {
            throw Fail(Current.Start, "type constraints using `:` are not supported", "try using `is` instead");
        }
    }

    // The reference accepts an entity uid or a matching slot here, possibly in parentheses.
    private (EntityUid? Entity, SlotId? Slot) ParseScopeEntity(SlotId slot)
    {
        var parens = 0;
        while (Accept(TokenKind.LeftParen))
        {
            parens++;
        }

        EntityUid? entity = null;
        SlotId? found = null;
        if (Current.Kind == TokenKind.Slot)
        {
            var t = Advance();
            var name = TextOf(t);
            var expected = slot == SlotId.Principal ? "?principal" : "?resource";
            if (name != expected)
            {
                throw Fail(t.Start, $"expected an entity uid or matching template slot, found `{name}` instead of `{expected}`");
            }

            found = slot;
        }
        else
        {
            entity = ParseEntityLiteralForScope("an entity uid or matching template slot");
        }

        for (; parens > 0; parens--)
        {
            Expect(TokenKind.RightParen, "`)`");
        }

        return (entity, found);
    }

    private (List<EntityUid> Entities, bool IsList) ParseActionEntities(bool allowList)
    {
        var parens = 0;
        while (Accept(TokenKind.LeftParen))
        {
            parens++;
        }

        List<EntityUid> entities;
        var isList = false;
        if (Current.Kind == TokenKind.LeftBracket)
        {
            if (!allowList)
            {
                throw Fail(Current.Start, "expected a single entity uid, found a set of entity uids", "use `in` to match any action in a set");
            }

            Advance();
            isList = true;
            entities = [];
            while (Current.Kind != TokenKind.RightBracket)
            {
                entities.Add(ParseParenthesizedScopeLiteral());
                if (!Accept(TokenKind.Comma))
                {
                    break;
                }
            }

            Expect(TokenKind.RightBracket, "`]` to end the list of actions");
        }
        else
        {
            if (Current.Kind == TokenKind.Slot)
            {
                throw Fail(Current.Start, "expected an entity uid, found a template slot", "template slots are allowed only for principal and resource");
            }

            entities = [ParseEntityLiteralForScope("an entity uid")];
        }

        for (; parens > 0; parens--)
        {
            Expect(TokenKind.RightParen, "`)`");
        }

        return (entities, isList);
    }

    private EntityUid ParseParenthesizedScopeLiteral()
    {
        var parens = 0;
        while (Accept(TokenKind.LeftParen))
        {
            parens++;
        }

        var e = ParseEntityLiteralForScope("an entity uid");
        for (; parens > 0; parens--)
        {
            Expect(TokenKind.RightParen, "`)`");
        }

        return e;
    }

    private EntityUid ParseEntityLiteralForScope(string what)
    {
        var start = Current;
        if (start.Kind != TokenKind.Identifier)
        {
            var help = start.Kind == TokenKind.String ? "try including the entity type if you intended this string to be an entity uid" : null;
            throw Fail(start.Start, $"expected {what}, found {Describe(start)}", help);
        }

        var path = ParseNamePath();
        if (Current.Kind != TokenKind.DoubleColon || Peek().Kind != TokenKind.String)
        {
            throw Fail(start.Start, $"expected {what}, found name `{string.Join("::", path.Select(p => TextOf(p)))}`",
                "try using `is` to test for an entity type, or include an identifier string if you intended this name to be an entity uid");
        }

        Advance();
        var id = UnescapeString(Advance());
        return new EntityUid(ValidateName(path), id);
    }

    private Condition ParseCondition()
    {
        var keyword = Advance();
        var word = TextOf(keyword);
        if (word is not ("when" or "unless"))
        {
            throw Fail(keyword.Start, $"invalid policy condition `{word}`", "condition must be either `when` or `unless`");
        }

        Expect(TokenKind.LeftBrace, $"`{{` after `{word}`");
        if (Current.Kind == TokenKind.RightBrace)
        {
            throw Fail(Current.Start, $"`{word}` condition cannot be empty", $"write an expression inside `{word} {{ ... }}`");
        }

        var body = ParseExpr().ToExpr(this);
        var close = Expect(TokenKind.RightBrace, $"`}}` to end the `{word}` condition");
        if (body.Height > options.MaxExpressionHeight)
        {
            throw Fail(keyword.Start, $"the `{word}` condition is more than {options.MaxExpressionHeight} operations deep", "split it into several policies or simplify it");
        }

        var slot = FindSlot(body);
        if (slot is not null)
        {
            throw Fail(slot.Span.Start, $"found template slot `?{slot.Slot.ToString().ToLowerInvariant()}` in a `{word}` clause", "slots are currently unsupported in `when` and `unless` clauses");
        }

        return new Condition(word == "when", body, new SourceSpan(keyword.Start, close.End));
    }

    private static SlotExpr? FindSlot(Expr e) => ExprTraversal.Descendants(e).OfType<SlotExpr>().FirstOrDefault();
}
