#include "caseboard/import/mapping_suggestion.h"

#include "caseboard/import/column_layout.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace caseboard::import {

namespace {

struct FieldNames {
    const char* field;
    // Header spellings seen in EHR exports, as columnKey() reduces them, likeliest first.
    std::initializer_list<std::string_view> names;
};

// Fields whose names are also other fields' synonyms come first, so that "Client ID"
// goes to Client ID before Client looks for an id, and "Amount" to Fee.
const FieldNames kFields[] = {
    {"Appointment ID", {"appointmentid", "visitid", "visit#", "visitnumber", "apptid", "appointment#", "encounterid",
                        "sessionid", "eventid"}},
    {"Client ID", {"clientid", "patientid", "client#", "patient#", "mrn", "chartnumber", "clientnumber",
                   "accountnumber"}},
    {"Date", {"date", "dateofservice", "servicedate", "visitdate", "visitday", "appointmentdate", "sessiondate", "dos",
              "startdate", "start", "scheduleddate", "when"}},
    {"Start Time", {"starttime", "time", "appointmenttime", "visittime", "sessiontime", "from"}},
    {"Duration", {"duration", "durationminutes", "minutes", "length", "sessionlength", "mins"}},
    {"Client", {"client", "clientname", "patient", "patientname", "name", "fullname"}},
    {"Clinician", {"clinician", "clinicianname", "provider", "providername", "therapist", "therapistname",
                   "practitioner", "counselor", "counsellor", "staff", "staffname", "renderingprovider"}},
    {"Service Code",
     {"servicecode", "cpt", "cptcode", "billingcode", "procedurecode", "code", "service", "servicetype"}},
    {"Status", {"status", "appointmentstatus", "visitstatus", "sessionstatus", "attendance", "attendancestatus",
                "outcome", "state"}},
    {"Location", {"location", "office", "officename", "site", "facility", "placeofservice", "room"}},
    {"Client Paid", {"clientpaid", "patientpaid", "clientpayment", "patientpayment", "copay", "copaypaid"}},
    {"Insurance Paid", {"insurancepaid", "insurancepayment", "payerpaid", "insurerpaid"}},
    {"Fee", {"fee", "totalfee", "charge", "charges", "amount", "rate", "price", "billedamount"}},
    {"Payer", {"payer", "insurance", "primaryinsurance", "insurancecompany", "insurer", "payor"}},
    {"Note Status", {"notestatus", "progressnotestatus", "documentationstatus", "note", "notesigned"}},
    {"Charge Fee", {"chargefee", "feecharged", "charged"}},
    {"Invoiced", {"invoiced", "hasinvoice"}},
};

} // namespace

ColumnMapping suggestMapping(const std::vector<std::string>& header)
{
    std::vector<std::string> keys;
    for (const std::string& name : header)
        keys.push_back(columnKey(name));
    std::vector<bool> taken(header.size(), false);

    ColumnMapping mapping;
    for (const FieldNames& field : kFields) {
        for (std::string_view name : field.names) {
            const auto found = std::find(keys.begin(), keys.end(), name);
            if (found == keys.end())
                continue;
            const auto index = static_cast<std::size_t>(found - keys.begin());
            if (taken[index])
                continue;
            taken[index] = true;
            mapping[field.field] = header[index];
            break;
        }
    }
    return mapping;
}

} // namespace caseboard::import
