// The domain's own vocabulary and NodaTime, used by nearly every file of the domain.
global using NodaTime;
global using PerformancePlan.Domain.Common;
global using PerformancePlan.Domain.Plans;
