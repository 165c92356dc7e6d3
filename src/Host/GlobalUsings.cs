// The namespaces every layer of the host may use (the domain and the application layer); a transport's own
// namespaces (Cli, Web, Components) are never global, so a file that reaches across layers still says so.
global using System.Security.Claims;
global using Marten;
global using NodaTime;
global using PerformancePlan.Domain.Access;
global using PerformancePlan.Domain.Common;
global using PerformancePlan.Domain.Identity;
global using PerformancePlan.Domain.Plans;
global using PerformancePlan.Domain.Results;
global using PerformancePlan.Domain.Scoring;
global using PerformancePlan.Host.Application;
global using PerformancePlan.Host.Application.Views;
