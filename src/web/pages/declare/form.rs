//! The declaration form's state and its conversion into a v1 response.
//!
//! Every field is kept as typed (quantities as text, choices as typed
//! enums with "not chosen yet" as `None`), so nothing the counterparty entered
//! is lost on a language switch or a failed check. Only [`DeclareForm::to_response`]
//! turns it into the frozen schema, and it lists *every* problem at once.

use chrono::NaiveDate;
use enduse::country::Country;
use enduse::record::Opened;
use enduse::record::v1::{
    Commitments, CustomerRole, Decimal, DeclarationRequest, DeclarationResponse,
    DeclarationSignatory, DeclaredCustomer, DeclaredEndUse, DeclaredEndUser, DeclaredItem,
    Disposition, HopDocuments, PartyRole, RequestParty,
};

/// A field the counterparty must fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    CustomerName,
    CustomerAddress,
    CustomerCountry,
    CustomerRole,
    Disposition,
    EndUserName,
    EndUserAddress,
    EndUserCountry,
    EndUseDescription,
    EndUseCountry,
    SignatoryName,
    SignatoryTitle,
    SignatoryDate,
}

/// Something that stops the response from being made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormProblem {
    /// A required field is empty.
    Missing(Field),
    /// Goods line (0-based) has a quantity that is not a decimal number.
    Quantity(usize),
}

/// The four commitments of the certification, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commitment {
    NoRussiaBelarus,
    NoMilitaryEndUse,
    AcceptAuditAndNotify,
    FlowDown,
}

impl Commitment {
    pub const ALL: [Commitment; 4] = [
        Commitment::NoRussiaBelarus,
        Commitment::NoMilitaryEndUse,
        Commitment::AcceptAuditAndNotify,
        Commitment::FlowDown,
    ];

    /// The id fragment used for the checkbox.
    pub fn key(self) -> &'static str {
        match self {
            Commitment::NoRussiaBelarus => "no-russia-belarus",
            Commitment::NoMilitaryEndUse => "no-military",
            Commitment::AcceptAuditAndNotify => "audit",
            Commitment::FlowDown => "flow-down",
        }
    }
}

/// One document number of [`HopDocuments`]: machine name, getter, setter.
pub type DocField = (
    &'static str,
    fn(&HopDocuments) -> &String,
    fn(&mut HopDocuments) -> &mut String,
);

/// The document numbers a declarant can give for its hop, in form order.
pub const DOCUMENTS: [DocField; 6] = [
    (
        "commercial_invoice",
        |d| &d.commercial_invoice,
        |d| &mut d.commercial_invoice,
    ),
    (
        "transport_document",
        |d| &d.transport_document,
        |d| &mut d.transport_document,
    ),
    ("esf", |d| &d.esf, |d| &mut d.esf),
    (
        "customs_declaration",
        |d| &d.customs_declaration,
        |d| &mut d.customs_declaration,
    ),
    ("snt", |d| &d.snt, |d| &mut d.snt),
    (
        "guarantee_obligation",
        |d| &d.guarantee_obligation,
        |d| &mut d.guarantee_obligation,
    ),
];

/// Everything typed into the declaration form (serialisable, so that the
/// page can keep it in this browser as typed).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct DeclareForm {
    pub customer_name: String,
    pub customer_address: String,
    pub customer_country: Option<Country>,
    pub customer_website: String,
    pub customer_role: Option<CustomerRole>,
    pub disposition: Option<Disposition>,
    pub end_user_name: String,
    pub end_user_address: String,
    pub end_user_country: Option<Country>,
    /// One per goods line of the request, as typed.
    pub quantities: Vec<String>,
    pub end_use_description: String,
    pub end_use_country: Option<Country>,
    pub commitments: [bool; 4],
    pub signatory_name: String,
    pub signatory_title: String,
    /// `YYYY-MM-DD`, as an `<input type=date>` reports it.
    pub signatory_date: String,
    /// Document numbers for the declarant's hop, as typed (all optional).
    pub documents: HopDocuments,
    /// When the declarant received the goods (`YYYY-MM-DD`), as typed.
    pub received: String,
}

impl DeclareForm {
    /// A form prefilled from the request: the exporter already knows the buyer
    /// and end user, so the counterparty confirms or corrects them.
    pub fn for_request(request: &DeclarationRequest, today: Option<NaiveDate>) -> DeclareForm {
        let party = |role: PartyRole| {
            request
                .parties
                .iter()
                .find(|p| p.role() == role)
                .map(RequestParty::named)
        };
        let mut form = DeclareForm {
            quantities: request
                .items_template()
                .iter()
                .map(|item| item.quantity.to_string())
                .collect(),
            signatory_date: today.map(|d| d.to_string()).unwrap_or_default(),
            ..DeclareForm::default()
        };
        if let Some(buyer) = party(PartyRole::Buyer) {
            form.customer_name = buyer.name;
            form.customer_address = buyer.address;
            form.customer_country = buyer.country;
        }
        if let Some(end_user) = party(PartyRole::EndUser) {
            form.end_user_name = end_user.name;
            form.end_user_address = end_user.address;
            form.end_user_country = end_user.country;
            form.end_use_country = end_user.country;
        }
        form
    }

    /// Whether commitment `c` is ticked.
    pub fn committed(&self, c: Commitment) -> bool {
        self.commitments
            .get(Commitment::ALL.iter().position(|x| *x == c).unwrap_or(0))
            .copied()
            .unwrap_or(false)
    }

    /// Ticks or unticks commitment `c`.
    pub fn set_committed(&mut self, c: Commitment, on: bool) {
        if let Some(slot) = Commitment::ALL
            .iter()
            .position(|x| *x == c)
            .and_then(|i| self.commitments.get_mut(i))
        {
            *slot = on;
        }
    }

    /// The documents block of the response: absent when nothing is given,
    /// so a plain answer stays as small as before.
    fn hop_documents(&self) -> Option<HopDocuments> {
        let trim = |s: &String| s.trim().to_string();
        let d = &self.documents;
        let documents = HopDocuments {
            commercial_invoice: trim(&d.commercial_invoice),
            transport_document: trim(&d.transport_document),
            esf: trim(&d.esf),
            customs_declaration: trim(&d.customs_declaration),
            snt: trim(&d.snt),
            guarantee_obligation: trim(&d.guarantee_obligation),
            received: NaiveDate::parse_from_str(self.received.trim(), "%Y-%m-%d").ok(),
        };
        (documents != HopDocuments::default()).then_some(documents)
    }

    /// The response this form declares, or every problem that prevents it.
    pub fn to_response(
        &self,
        request: &Opened<DeclarationRequest>,
    ) -> Result<DeclarationResponse, Vec<FormProblem>> {
        let mut problems = Vec::new();
        let mut text = |value: &str, field: Field| -> String {
            let value = value.trim();
            if value.is_empty() {
                problems.push(FormProblem::Missing(field));
            }
            value.to_string()
        };
        let customer_name = text(&self.customer_name, Field::CustomerName);
        let customer_address = text(&self.customer_address, Field::CustomerAddress);
        let end_user_name = text(&self.end_user_name, Field::EndUserName);
        let end_user_address = text(&self.end_user_address, Field::EndUserAddress);
        let end_use_description = text(&self.end_use_description, Field::EndUseDescription);
        let signatory_name = text(&self.signatory_name, Field::SignatoryName);
        let signatory_title = text(&self.signatory_title, Field::SignatoryTitle);
        for (chosen, field) in [
            (self.customer_country.is_some(), Field::CustomerCountry),
            (self.customer_role.is_some(), Field::CustomerRole),
            (self.disposition.is_some(), Field::Disposition),
            (self.end_user_country.is_some(), Field::EndUserCountry),
            (self.end_use_country.is_some(), Field::EndUseCountry),
        ] {
            if !chosen {
                problems.push(FormProblem::Missing(field));
            }
        }
        let (customer_country, customer_role, disposition, end_user_country, end_use_country) = (
            self.customer_country,
            self.customer_role,
            self.disposition,
            self.end_user_country,
            self.end_use_country,
        );
        let date = NaiveDate::parse_from_str(self.signatory_date.trim(), "%Y-%m-%d").ok();
        if date.is_none() {
            problems.push(FormProblem::Missing(Field::SignatoryDate));
        }
        let mut items: Vec<DeclaredItem> = Vec::new();
        for (index, mut item) in request.body.items_template().into_iter().enumerate() {
            let typed = self.quantities.get(index).map(|q| q.trim()).unwrap_or("");
            match Decimal::new(typed.replace(',', ".")) {
                Ok(quantity) => item.quantity = quantity,
                Err(_) => problems.push(FormProblem::Quantity(index)),
            }
            items.push(item);
        }
        let (
            Some(customer_country),
            Some(role),
            Some(disposition),
            Some(end_user_country),
            Some(end_use_country),
            Some(date),
            true,
        ) = (
            customer_country,
            customer_role,
            disposition,
            end_user_country,
            end_use_country,
            date,
            problems.is_empty(),
        )
        else {
            return Err(problems);
        };
        let website = self.customer_website.trim();
        let [
            no_russia_belarus,
            no_military_end_use,
            accept_audit_and_notify,
            flow_down,
        ] = self.commitments;
        Ok(DeclarationResponse {
            request_id: request.body.request_id.clone(),
            request_digest: request.digest,
            customer: DeclaredCustomer {
                name: customer_name,
                address: customer_address,
                country: customer_country,
                website: (!website.is_empty()).then(|| website.to_string()),
                role,
            },
            disposition,
            end_user: DeclaredEndUser {
                name: end_user_name,
                address: end_user_address,
                country: end_user_country,
            },
            items,
            end_use: DeclaredEndUse {
                description: end_use_description,
                country: end_use_country,
            },
            commitments: Commitments {
                no_russia_belarus,
                no_military_end_use,
                accept_audit_and_notify,
                flow_down,
            },
            signatory: DeclarationSignatory {
                name: signatory_name,
                title: signatory_title,
                date,
            },
            documents: self.hop_documents(),
            previous_response: request.body.forwarded.as_ref().map(|f| f.previous_response),
        })
    }
}
