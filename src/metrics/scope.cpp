#include "caseboard/metrics/scope.h"

#include "caseboard/metrics/snapshot.h"

namespace caseboard::metrics {

ClinicianMask clinicianMask(const Snapshot& snapshot, const Scope& scope)
{
    const auto& clinicians = snapshot.clinicians;
    ClinicianMask mask(clinicians.size(), 0);
    for (std::size_t i = 0; i < clinicians.size(); ++i) {
        const SnapshotClinician& c = clinicians[i];
        bool in = false;
        switch (scope.kind) {
        case Scope::Kind::Practice: in = true; break;
        case Scope::Kind::Clinician: in = i == scope.clinician; break;
        case Scope::Kind::Location: in = c.location == scope.value; break;
        case Scope::Kind::Supervisor: in = c.supervisor == scope.value; break;
        case Scope::Kind::ClinicianType: in = c.clinicianType == scope.value; break;
        }
        mask[i] = in ? 1 : 0;
    }
    return mask;
}

} // namespace caseboard::metrics
