using System.Linq.Expressions;
using Talks.Data.Entities;

namespace Talks.Api.Records;

/// <summary>Whether a projection reads nothing but the record's own columns: no related records, no subqueries.</summary>
internal sealed class OwnColumns : ExpressionVisitor
{
    private bool _only = true;

    public static bool Only(LambdaExpression projection)
    {
        var visitor = new OwnColumns();
        visitor.Visit(projection.Body);
        return visitor._only;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        _only = false;
        return node;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is not ParameterExpression || node.Member is not System.Reflection.PropertyInfo property
            || typeof(Entity).IsAssignableFrom(property.PropertyType)
            || (property.PropertyType != typeof(string) && property.PropertyType.GetInterfaces().Any(i =>
                i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>) && typeof(Entity).IsAssignableFrom(i.GetGenericArguments()[0]))))
        {
            _only = false;
        }

        return base.VisitMember(node);
    }
}
