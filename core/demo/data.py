"""The static content of the demo: sections, users, reference lists, partners, events,
activities, the 2018 strategic-plan consultation and the multicultural calendar.

2018 follows the two source documents in ``/work/shared/seeds``; everything else is invented
but written to read like a section's real records. People's names are invented, emails use
``example.ca`` domains and phone numbers are in the fictional 613-555-01xx range.

Nothing here touches the database: ``core.demo.seed`` turns it into rows.
"""

from __future__ import annotations

from datetime import date

DEMO_PASSWORD = "inroads-demo"

# --------------------------------------------------------------------------------------
# Sections and users
# --------------------------------------------------------------------------------------

SECTIONS = [
    {
        "code": "CDS",
        "name": "Community Development Section",
        "description": (
            "Develops relationships and engagement strategies with communities across Ottawa "
            "to build trust and confidence; joint problem identification, analysis and response "
            "with community partners."
        ),
    },
    {
        "code": "DRR",
        "name": "Diversity and Race Relations Section",
        "description": (
            "Engages Indigenous, ethno-cultural, faith-based and 2SLGBTQ+ communities; "
            "organizes the Diversity Celebration and the Human Rights Learning Forum."
        ),
    },
]

USERS = [
    {
        "username": "admin",
        "first_name": "Marc",
        "last_name": "Gauthier",
        "role": "administrator",
        "section": None,
        "is_staff": True,
    },
    {
        "username": "sergeant.cds",
        "first_name": "Karen",
        "last_name": "Whitfield",
        "role": "supervisor",
        "section": "CDS",
        "is_staff": False,
    },
    {
        "username": "sergeant.drr",
        "first_name": "Daniel",
        "last_name": "Osei",
        "role": "supervisor",
        "section": "DRR",
        "is_staff": False,
    },
    {
        "username": "staff.cds",
        "first_name": "Émilie",
        "last_name": "Lavoie",
        "role": "staff",
        "section": "CDS",
        "is_staff": False,
    },
    {
        "username": "staff.drr",
        "first_name": "Amira",
        "last_name": "Haddad",
        "role": "staff",
        "section": "DRR",
        "is_staff": False,
    },
    {
        "username": "viewer",
        "first_name": "Robert",
        "last_name": "Chen",
        "role": "viewer",
        "section": None,
        "is_staff": False,
    },
]
USER_EMAIL_DOMAIN = "inroads-demo.example.ca"

# The demo users of each section: (staff member, sergeant).
SECTION_TEAM = {"CDS": ("staff.cds", "sergeant.cds"), "DRR": ("staff.drr", "sergeant.drr")}

# --------------------------------------------------------------------------------------
# Reference lists
# --------------------------------------------------------------------------------------

ACTIVITY_TYPES = [
    ("meeting", "Meeting"),
    ("consultation_session", "Consultation session"),
    ("presentation", "Presentation or information session"),
    ("workshop", "Workshop or training"),
    ("event_hosted", "Community event hosted"),
    ("event_attended", "Community event attended"),
    ("committee", "Committee or working group"),
    ("outreach", "Networking or outreach"),
    ("inquiry_response", "Inquiry response"),
    ("mediation", "Conflict resolution or mediation"),
    ("focus_group", "Focus group"),
    ("media", "Media or social media"),
    ("other", "Other"),
]

COMMUNITIES = [
    "Indigenous",
    "Black",
    "Muslim",
    "Jewish",
    "Sikh",
    "Hindu",
    "Chinese",
    "Arab",
    "South Asian",
    "Iranian, Afghan and Kurdish",
    "2SLGBTQ+",
    "Newcomers and refugees",
    "Youth",
    "Seniors",
    "Students",
    "Women",
    "Francophone",
    "Faith communities (general)",
]

FEEDBACK_THEMES = [
    ("safety_perceptions", "Perceptions of safety"),
    ("crime", "Crime"),
    ("disorder", "Disorder"),
    ("trust_confidence", "Trust and confidence"),
    ("quality_of_service", "Quality of service"),
    ("priorities", "Strategic priorities"),
    ("wellbeing", "Community well-being"),
    ("youth", "Youth"),
    ("traffic", "Traffic and road safety"),
]

ANNUAL_EVENT_TEMPLATE = "Annual event"
EVENT_ATTENDED_TEMPLATE = "Community event attended"

CHECKLIST_TEMPLATES = [
    {
        "name": ANNUAL_EVENT_TEMPLATE,
        "description": (
            "The section's plan for an event it organizes every year (Police Week, the "
            "Diversity Celebration, the Human Rights Learning Forum)."
        ),
        "items": [
            ("Book the venue", -90),
            ("Confirm speakers and guests", -60),
            ("Send invitations to partners and community members", -45),
            ("Arrange accessibility and interpretation (ASL, French)", -30),
            ("Send the media release with Corporate Communications", -14),
            ("Finalize the run of show", -7),
            ("Day-of set-up and volunteer briefing", 0),
            ("Send thank-you letters to speakers and partners", 3),
            ("Run the evaluation with partners and staff", 7),
            ("Report to the sergeant and log the activity", 14),
        ],
    },
    {
        "name": EVENT_ATTENDED_TEMPLATE,
        "description": "Taking part in a partner's event: a booth, a march, a ceremony.",
        "items": [
            ("Confirm attendance and dress (uniform or plain clothes) with the organizer", -14),
            ("Check the multicultural calendar and the community's protocol", -7),
            ("Prepare the display, handouts and giveaways", -3),
            ("Log the activity with the people reached", 1),
            ("Follow up with the organizer", 7),
        ],
    },
]

# --------------------------------------------------------------------------------------
# Partners and their contacts
# --------------------------------------------------------------------------------------

OLIP = "Ottawa Local Immigration Partnership (OLIP) Equity Group"
CEC = "Community Equity Council (CEC)"
PRIDE = "Capital Pride"
IRCC = "Immigration, Refugees and Citizenship Canada"
OPSB = "Ottawa Police Services Board"
UOTTAWA = "University of Ottawa"
CARLETON = "Carleton University"
ALGONQUIN = "Algonquin College"
LA_CITE = "La Cité collégiale"
OCDSB = "Ottawa-Carleton District School Board"
CECCE = "Conseil des écoles catholiques du Centre-Est"
VANIER_CA = "Vanier Community Association"
CARLINGTON_CA = "Carlington Community Association"
OVERBROOK_CA = "Overbrook Community Association"
CENTRETOWN_CA = "Centretown Community Association"
HINTONBURG_CA = "Hintonburg Community Association"
ORLEANS_CA = "Convent Glen–Orléans Wood Community Association"
BARRHAVEN_CA = "Barrhaven Community Association"
BEAVERBROOK_CA = "Beaverbrook Community Association"
CENTRETOWN_WATCH = "Centretown Neighbourhood Watch"
MAIN_MOSQUE = "Ottawa Main Mosque (Ottawa Muslim Association)"
SNMC = "South Nepean Muslim Community (SNMC)"
MACHZIKEI = "Congregation Machzikei Hadas"
JEWISH_FED = "Jewish Federation of Ottawa"
GURDWARA = "Gurdwara Sahib – Ottawa Sikh Society"
HINDU_TEMPLE = "Hindu Temple of Ottawa-Carleton"
CATHEDRAL = "Christ Church Cathedral Ottawa"
OMWO = "Ottawa Muslim Women's Organization"
ODAWA = "Odawa Native Friendship Centre"
MINWAASHIN = "Minwaashin Lodge – Indigenous Women's Support Centre"
WABANO = "Wabano Centre for Aboriginal Health"
TUNGASUVVINGAT = "Tungasuvvingat Inuit"
JOCA = "Jamaican Ottawa Community Association"
BHO = "Black History Ottawa"
HAITIENS = "Association des Haïtiens d'Ottawa"
ACFO = "Association des communautés francophones d'Ottawa"
ICAO = "India Canada Association of Ottawa"
OCCSC = "Ottawa Chinese Community Service Centre"
LASSA = "Lebanese and Arab Social Services Agency (LASSA)"
CSCV = "Centre des services communautaires Vanier"
CCI = "Catholic Centre for Immigrants (CCI Ottawa)"
OCISO = "Ottawa Community Immigrant Services Organization (OCISO)"
SOMALI_CENTRE = "Somali Centre for Family Services"
SWCHC = "Somerset West Community Health Centre"
PQCHC = "Pinecrest-Queensway Community Health Centre"
BGC = "Boys and Girls Club of Ottawa"
KIND_SPACE = "Kind Space"
TEN_OAKS = "Ten Oaks Project"
RAINBOW_REFUGE = "Capital Rainbow Refuge"
CITY_CSS = "City of Ottawa – Community and Social Services"
CPO = "Crime Prevention Ottawa"
CROWN = "Ottawa Crown Attorney's Office"
JOHN_HOWARD = "John Howard Society of Ottawa"
VICTIM_SERVICES = "Ottawa Victim Services"
SPARKS_BIA = "Sparks Street BIA"
CHINATOWN_BIA = "Chinatown BIA"
VANIER_BIA = "Quartier Vanier BIA"
UNITED_WAY = "United Way Ottawa"


def _partner(
    name,
    kind,
    communities,
    ward,
    sections,
    since,
    domain,
    contacts,
    *,
    status="active",
    notes="",
    sensitive=False,
):
    return {
        "name": name,
        "kind": kind,
        "communities": communities,
        "ward": ward,
        "sections": sections,
        "since": since,
        "domain": domain,
        "contacts": contacts,
        "status": status,
        "notes": notes,
        "is_sensitive": sensitive,
    }


# Contacts: (name, role, preferred language, consents to be contacted).
PARTNERS = [
    _partner(
        OLIP,
        "other",
        ["Newcomers and refugees"],
        "Citywide",
        ["CDS", "DRR"],
        date(2015, 9, 1),
        "olip-plio.example.ca",
        [
            ("Nadia Benali", "Equity Group co-chair", "fr", True),
            ("Stephen Okafor", "Project coordinator", "en", True),
        ],
        notes=(
            "Multi-sector equity group of the Ottawa Local Immigration Partnership. CDS supports "
            "its work on action plans for equity within organizations across Ottawa."
        ),
    ),
    _partner(
        CEC,
        "other",
        ["Black", "Indigenous", "Muslim", "Arab", "South Asian", "2SLGBTQ+"],
        "Citywide",
        ["DRR"],
        date(2018, 1, 15),
        "cec-cce.example.ca",
        [
            ("Yvonne Mensah", "Community co-chair", "en", True),
            ("Imran Siddiqui", "Member, governance working group", "en", True),
        ],
        notes=(
            "Joint police and community council created in 2018, with DRR's support, to advance "
            "equity in policing."
        ),
    ),
    _partner(
        PRIDE,
        "lgbtq",
        ["2SLGBTQ+"],
        "Somerset",
        ["DRR"],
        date(2010, 6, 1),
        "capitalpride.example.ca",
        [("Jordan Tremblay", "Community relations director", "en", True)],
        notes="National Capital PRIDE: runs the Capital Pride festival and parade every August.",
    ),
    _partner(
        IRCC,
        "government",
        ["Newcomers and refugees"],
        "Citywide",
        ["DRR"],
        date(2012, 1, 1),
        "ircc-demo.example.ca",
        [("Hélène Charbonneau", "Citizenship ceremonies coordinator, Ottawa", "fr", True)],
        notes="Holds the citizenship ceremony at the annual Diversity Celebration.",
    ),
    _partner(
        OPSB,
        "government",
        [],
        "Citywide",
        ["CDS", "DRR"],
        date(2005, 1, 1),
        "opsb-demo.example.ca",
        [("Margaret Lindsay", "Executive director", "en", True)],
        notes="Owner of the 2019-2020 Strategic Plan consultation.",
    ),
    _partner(
        UOTTAWA,
        "education",
        ["Students", "Francophone"],
        "Rideau-Vanier",
        ["CDS", "DRR"],
        date(2014, 9, 1),
        "uottawa-demo.example.ca",
        [
            ("Olivier Bélanger", "Coordonnateur, Bureau des droits de la personne", "fr", True),
            ("Hannah Goldstein", "Student engagement officer", "en", True),
        ],
    ),
    _partner(
        CARLETON,
        "education",
        ["Students"],
        "Capital",
        ["CDS"],
        date(2014, 9, 1),
        "carleton-demo.example.ca",
        [("Aisha Abdullahi", "Manager, Equity and Inclusive Communities", "en", True)],
    ),
    _partner(
        ALGONQUIN,
        "education",
        ["Students"],
        "College",
        ["CDS"],
        date(2013, 9, 1),
        "algonquin-demo.example.ca",
        [("Patrick Doyle", "Professor, Police Foundations program", "en", True)],
    ),
    _partner(
        LA_CITE,
        "education",
        ["Students", "Francophone"],
        "Beacon Hill-Cyrville",
        ["CDS"],
        date(2015, 9, 1),
        "lacite-demo.example.ca",
        [("Mélanie Thériault", "Coordonnatrice, Techniques des services policiers", "fr", True)],
    ),
    _partner(
        OCDSB,
        "education",
        ["Youth", "Students"],
        "Citywide",
        ["CDS", "DRR"],
        date(2010, 9, 1),
        "ocdsb-demo.example.ca",
        [("Laura McKenzie", "Safe Schools coordinator", "en", True)],
    ),
    _partner(
        CECCE,
        "education",
        ["Youth", "Students", "Francophone"],
        "Citywide",
        ["CDS"],
        date(2012, 9, 1),
        "ecolecatholique-demo.example.ca",
        [("Stéphane Lalonde", "Conseiller pédagogique, sécurité et bien-être", "fr", True)],
    ),
    _partner(
        VANIER_CA,
        "community_association",
        ["Francophone", "Newcomers and refugees"],
        "Rideau-Vanier",
        ["CDS"],
        date(2009, 4, 1),
        "vanier-ca.example.ca",
        [
            ("Luc Desjardins", "Président", "fr", True),
            ("Fiona Marshall", "Safety committee volunteer", "en", True),
        ],
    ),
    _partner(
        CARLINGTON_CA,
        "community_association",
        ["Seniors", "Youth"],
        "River",
        ["CDS"],
        date(2011, 3, 1),
        "carlington-ca.example.ca",
        [("Gwen Parsons", "Safety committee chair", "en", True)],
    ),
    _partner(
        OVERBROOK_CA,
        "community_association",
        ["Newcomers and refugees", "Youth"],
        "Rideau-Rockcliffe",
        ["CDS"],
        date(2012, 5, 1),
        "overbrook-ca.example.ca",
        [("Ahmed Warsame", "President", "en", True)],
    ),
    _partner(
        CENTRETOWN_CA,
        "community_association",
        [],
        "Somerset",
        ["CDS"],
        date(2010, 1, 1),
        "centretown-ca.example.ca",
        [("Rebecca Stein", "Vice-president", "en", True)],
    ),
    _partner(
        HINTONBURG_CA,
        "community_association",
        [],
        "Kitchissippi",
        ["CDS"],
        date(2013, 6, 1),
        "hintonburg-ca.example.ca",
        [("Dave Kowalczyk", "Safety and Security Committee chair", "en", True)],
    ),
    _partner(
        ORLEANS_CA,
        "community_association",
        ["Francophone"],
        "Orléans",
        ["CDS"],
        date(2016, 2, 1),
        "cgow-ca.example.ca",
        [("Chantal Beauchamp", "Présidente", "fr", True)],
    ),
    _partner(
        BARRHAVEN_CA,
        "community_association",
        ["Youth", "South Asian"],
        "Barrhaven",
        ["CDS"],
        date(2014, 10, 1),
        "barrhaven-ca.example.ca",
        [("Gurpreet Sandhu", "Director, community safety", "en", True)],
    ),
    _partner(
        BEAVERBROOK_CA,
        "community_association",
        ["Seniors"],
        "Kanata North",
        ["CDS"],
        date(2018, 4, 1),
        "beaverbrook-ca.example.ca",
        [("Janet Hollis", "President", "en", True)],
        notes="First worked with CDS for the West PIA consultation session in 2018.",
    ),
    _partner(
        CENTRETOWN_WATCH,
        "community_association",
        [],
        "Somerset",
        ["CDS"],
        date(2008, 5, 1),
        "centretown-watch.example.ca",
        [("Gordon Ellis", "Former coordinator", "en", False)],
        status="former",
        notes=(
            "Disbanded in 2017; its members joined the Centretown Community Association's "
            "safety committee."
        ),
    ),
    _partner(
        MAIN_MOSQUE,
        "faith_based",
        ["Muslim", "Arab"],
        "Kitchissippi",
        ["DRR", "CDS"],
        date(2008, 9, 1),
        "ottawamosque-demo.example.ca",
        [
            ("Yusuf Rahman", "Board member, community relations", "en", True),
            ("Khadija Mansour", "Youth coordinator", "fr", True),
        ],
    ),
    _partner(
        SNMC,
        "faith_based",
        ["Muslim", "South Asian"],
        "Barrhaven",
        ["DRR"],
        date(2011, 3, 1),
        "snmc-demo.example.ca",
        [("Fatima Qureshi", "Outreach coordinator", "en", True)],
    ),
    _partner(
        MACHZIKEI,
        "faith_based",
        ["Jewish"],
        "Alta Vista",
        ["DRR"],
        date(2009, 1, 1),
        "cmh-demo.example.ca",
        [("Miriam Goldberg", "Executive director", "en", True)],
    ),
    _partner(
        JEWISH_FED,
        "faith_based",
        ["Jewish"],
        "Knoxdale-Merivale",
        ["DRR"],
        date(2009, 1, 1),
        "jewishottawa-demo.example.ca",
        [("Daniel Rosen", "Director, community security", "en", True)],
    ),
    _partner(
        GURDWARA,
        "faith_based",
        ["Sikh", "South Asian"],
        "Gloucester-Southgate",
        ["DRR"],
        date(2012, 4, 1),
        "ottawasikhsociety-demo.example.ca",
        [("Harjit Gill", "Secretary", "en", True)],
    ),
    _partner(
        HINDU_TEMPLE,
        "faith_based",
        ["Hindu", "South Asian"],
        "Osgoode",
        ["DRR"],
        date(2012, 10, 1),
        "hindutemple-demo.example.ca",
        [("Ramesh Iyer", "Trustee, community outreach", "en", True)],
    ),
    _partner(
        CATHEDRAL,
        "faith_based",
        ["Faith communities (general)"],
        "Somerset",
        ["CDS"],
        None,
        "cathedral-demo.example.ca",
        [("Anne Whitcombe", "Associate priest", "en", True)],
        status="prospective",
        notes="Runs a weekday drop-in; interested in a joint session on safety downtown.",
    ),
    _partner(
        OMWO,
        "faith_based",
        ["Muslim", "Women"],
        "Citywide",
        ["DRR"],
        date(2016, 5, 1),
        "omwo-demo.example.ca",
        [("Samira El-Khoury", "President", "en", True)],
    ),
    _partner(
        ODAWA,
        "indigenous",
        ["Indigenous", "Youth"],
        "Rideau-Rockcliffe",
        ["DRR", "CDS"],
        date(2010, 6, 21),
        "odawa-demo.example.ca",
        [("Sheila Whiteduck", "Program manager", "en", True)],
    ),
    _partner(
        MINWAASHIN,
        "indigenous",
        ["Indigenous", "Women"],
        "Rideau-Vanier",
        ["DRR"],
        date(2013, 10, 4),
        "minwaashin-demo.example.ca",
        [("Carol Chartrand", "Community programs coordinator", "en", True)],
        sensitive=True,
        notes="Supports women escaping violence: keep contact details and meeting places private.",
    ),
    _partner(
        WABANO,
        "indigenous",
        ["Indigenous"],
        "Rideau-Vanier",
        ["DRR"],
        date(2014, 6, 1),
        "wabano-demo.example.ca",
        [("Michael Kakegamic", "Cultural programs manager", "en", True)],
    ),
    _partner(
        TUNGASUVVINGAT,
        "indigenous",
        ["Indigenous"],
        "Rideau-Vanier",
        ["DRR"],
        date(2017, 2, 1),
        "tungasuvvingat-demo.example.ca",
        [("Annie Kilabuk", "Community liaison", "en", True)],
    ),
    _partner(
        JOCA,
        "ethno_cultural",
        ["Black"],
        "Citywide",
        ["DRR"],
        date(2011, 8, 1),
        "joca-demo.example.ca",
        [("Marcia Campbell", "President", "en", True)],
    ),
    _partner(
        BHO,
        "ethno_cultural",
        ["Black"],
        "Citywide",
        ["DRR", "CDS"],
        date(2010, 2, 1),
        "blackhistoryottawa-demo.example.ca",
        [("Kwame Asante", "Board member", "en", True)],
    ),
    _partner(
        HAITIENS,
        "ethno_cultural",
        ["Black", "Francophone"],
        "Rideau-Vanier",
        ["DRR"],
        date(2016, 9, 1),
        "haitiens-ottawa.example.ca",
        [("Jean-Robert Désir", "Président", "fr", True)],
    ),
    _partner(
        ACFO,
        "ethno_cultural",
        ["Francophone"],
        "Citywide",
        ["CDS"],
        date(2014, 3, 20),
        "acfo-demo.example.ca",
        [("Geneviève Côté", "Directrice générale", "fr", True)],
    ),
    _partner(
        ICAO,
        "ethno_cultural",
        ["South Asian", "Hindu"],
        "Citywide",
        ["DRR"],
        date(2015, 11, 1),
        "icao-demo.example.ca",
        [("Anil Mehta", "President", "en", True)],
    ),
    _partner(
        OCCSC,
        "social_service",
        ["Chinese", "Seniors", "Newcomers and refugees"],
        "Somerset",
        ["CDS", "DRR"],
        date(2012, 2, 1),
        "occsc-demo.example.ca",
        [("Grace Liu", "Settlement services manager", "en", True)],
    ),
    _partner(
        LASSA,
        "social_service",
        ["Arab", "Muslim", "Newcomers and refugees"],
        "Somerset",
        ["DRR"],
        date(2016, 1, 1),
        "lassa-demo.example.ca",
        [("Rania Khalil", "Youth program coordinator", "en", True)],
    ),
    _partner(
        CSCV,
        "social_service",
        ["Francophone", "Youth", "Seniors"],
        "Rideau-Vanier",
        ["CDS"],
        date(2009, 4, 1),
        "cscvanier-demo.example.ca",
        [
            ("Marie-Ève Lafrance", "Coordonnatrice, développement communautaire", "fr", True),
            ("Joël Parisien", "Intervenant jeunesse", "fr", True),
        ],
    ),
    _partner(
        CCI,
        "social_service",
        ["Newcomers and refugees"],
        "Somerset",
        ["CDS", "DRR"],
        date(2011, 5, 1),
        "cciottawa-demo.example.ca",
        [("Teresa Nguyen", "Settlement counsellor", "en", True)],
    ),
    _partner(
        OCISO,
        "social_service",
        ["Newcomers and refugees"],
        "Kitchissippi",
        ["CDS", "DRR"],
        date(2012, 6, 1),
        "ociso-demo.example.ca",
        [("Abdi Farah", "Community development worker", "en", True)],
    ),
    _partner(
        SOMALI_CENTRE,
        "social_service",
        ["Black", "Muslim", "Youth"],
        "Kitchissippi",
        ["CDS", "DRR"],
        date(2013, 3, 1),
        "somalicentre-demo.example.ca",
        [("Hodan Ali", "Youth program coordinator", "en", True)],
    ),
    _partner(
        SWCHC,
        "social_service",
        ["Newcomers and refugees", "Seniors", "2SLGBTQ+"],
        "Somerset",
        ["CDS"],
        date(2012, 1, 1),
        "swchc-demo.example.ca",
        [("Naomi Fraser", "Community developer", "en", True)],
    ),
    _partner(
        PQCHC,
        "social_service",
        ["Youth", "Newcomers and refugees"],
        "Bay",
        ["CDS"],
        date(2013, 1, 1),
        "pqchc-demo.example.ca",
        [("Paul Nakamura", "Youth outreach worker", "en", True)],
    ),
    _partner(
        BGC,
        "social_service",
        ["Youth"],
        "Citywide",
        ["CDS"],
        date(2010, 7, 1),
        "bgcottawa-demo.example.ca",
        [("Tyler Brooks", "Clubhouse director", "en", True)],
    ),
    _partner(
        KIND_SPACE,
        "lgbtq",
        ["2SLGBTQ+"],
        "Somerset",
        ["DRR"],
        date(2014, 8, 1),
        "kindspace-demo.example.ca",
        [("Sam Leclair", "Programs coordinator", "fr", True)],
    ),
    _partner(
        TEN_OAKS,
        "lgbtq",
        ["2SLGBTQ+", "Youth"],
        "Citywide",
        ["DRR"],
        date(2015, 4, 1),
        "tenoaks-demo.example.ca",
        [("Riley Morgan", "Executive director", "en", True)],
    ),
    _partner(
        RAINBOW_REFUGE,
        "lgbtq",
        ["2SLGBTQ+", "Newcomers and refugees"],
        "Citywide",
        ["DRR"],
        date(2017, 6, 1),
        "rainbowrefuge-demo.example.ca",
        [("Kemal Yilmaz", "Volunteer coordinator", "en", True)],
        sensitive=True,
        notes="Supports LGBTQ+ refugees: never name members or meeting places in public material.",
    ),
    _partner(
        CITY_CSS,
        "government",
        [],
        "Citywide",
        ["CDS"],
        date(2008, 1, 1),
        "ottawa-css-demo.example.ca",
        [("Andrea Wong", "Community development officer", "en", True)],
    ),
    _partner(
        CPO,
        "government",
        [],
        "Citywide",
        ["CDS", "DRR"],
        date(2008, 1, 1),
        "cpo-demo.example.ca",
        [("Sophie Gagnon", "Planning and evaluation officer", "fr", True)],
    ),
    _partner(
        CROWN,
        "justice",
        [],
        "Somerset",
        ["DRR"],
        date(2015, 1, 1),
        "crown-ottawa-demo.example.ca",
        [("Kathleen O'Brien", "Assistant Crown Attorney, hate crime lead", "en", True)],
    ),
    _partner(
        JOHN_HOWARD,
        "justice",
        ["Youth"],
        "Somerset",
        ["CDS"],
        date(2014, 1, 1),
        "jhsottawa-demo.example.ca",
        [("Derek Mills", "Community programs manager", "en", True)],
    ),
    _partner(
        VICTIM_SERVICES,
        "justice",
        [],
        "Somerset",
        ["CDS", "DRR"],
        date(2010, 1, 1),
        "victimservices-demo.example.ca",
        [("Lisa Carrière", "Volunteer program coordinator", "fr", True)],
    ),
    _partner(
        SPARKS_BIA,
        "business",
        [],
        "Somerset",
        ["CDS"],
        date(2013, 5, 1),
        "sparksstreet-demo.example.ca",
        [("Mark Donnelly", "Executive director", "en", True)],
    ),
    _partner(
        CHINATOWN_BIA,
        "business",
        ["Chinese"],
        "Somerset",
        ["CDS", "DRR"],
        date(2014, 2, 1),
        "chinatown-demo.example.ca",
        [("Vincent Lau", "Executive director", "en", True)],
    ),
    _partner(
        VANIER_BIA,
        "business",
        ["Francophone"],
        "Rideau-Vanier",
        ["CDS"],
        date(2015, 3, 1),
        "quartiervanier-demo.example.ca",
        [("Nathalie Séguin", "Directrice générale", "fr", True)],
    ),
    _partner(
        UNITED_WAY,
        "other",
        [],
        "Citywide",
        ["CDS"],
        date(2011, 1, 1),
        "unitedway-demo.example.ca",
        [("Jennifer Sloan", "Manager, community impact", "en", True)],
    ),
]

# Partners whose names read wrong after "the" in a sentence.
NO_ARTICLE = {
    CARLETON,
    ALGONQUIN,
    LA_CITE,
    IRCC,
    PRIDE,
    CPO,
    TUNGASUVVINGAT,
    KIND_SPACE,
    RAINBOW_REFUGE,
    BHO,
    UNITED_WAY,
    MACHZIKEI,
    CATHEDRAL,
    MINWAASHIN,
}


def the(name: str) -> str:
    """A partner's name as it reads in a sentence: "the Vanier Community Association",
    "Carleton University"."""
    return name if name in NO_ARTICLE else f"the {name}"


# The partners the source documents name; tests check they exist.
NAMED_PARTNERS = [OLIP, CEC, PRIDE, IRCC, OPSB, UOTTAWA, CARLETON, ALGONQUIN, LA_CITE]

# --------------------------------------------------------------------------------------
# The 2018 consultation (CDS)
# --------------------------------------------------------------------------------------

CONSULTATION = {
    "section": "CDS",
    "name": "OPSB/OPS Strategic Plan 2019-2020 community consultation",
    "purpose": (
        "Give the Ottawa Police Services Board a better understanding of residents' "
        "perceptions of safety, crime and disorder, the quality of service, strategic "
        "priorities and trust, to help it set priorities for the 2019-2020 Strategic Plan. "
        "Community groups host their own sessions with the self-directed toolkit; CDS hosts "
        "four in-person Partnership in Action (PIA) sessions."
    ),
    "starts_on": date(2018, 2, 15),
    "ends_on": date(2018, 9, 28),
    "status": "closed",
}
TOOLKIT = {
    "name": "Self-directed community engagement consultation toolkit",
    "edition": "1.0",
    "description": (
        "Everything a group needs to host its own session: facilitator's guide, discussion "
        "questions on safety, crime and disorder, quality of service, priorities and trust, "
        "a sign-in sheet (head count only), and a feedback form to return to CDS. English "
        "and French."
    ),
}

# The 16 community groups given the toolkit in 2018:
# (partner, sent on, status, group's session date, participants, notes).
DISTRIBUTIONS = [
    (VANIER_CA, date(2018, 3, 5), "feedback_received", date(2018, 3, 22), 24, ""),
    (CARLINGTON_CA, date(2018, 3, 5), "feedback_received", date(2018, 3, 27), 18, ""),
    (OVERBROOK_CA, date(2018, 3, 7), "feedback_received", date(2018, 4, 4), 31, ""),
    (CENTRETOWN_CA, date(2018, 3, 8), "feedback_received", date(2018, 3, 29), 22, ""),
    (HINTONBURG_CA, date(2018, 3, 12), "feedback_received", date(2018, 4, 10), 15, ""),
    (ORLEANS_CA, date(2018, 3, 14), "feedback_received", date(2018, 4, 11), 19, ""),
    (
        BARRHAVEN_CA,
        date(2018, 3, 14),
        "session_held",
        date(2018, 4, 19),
        27,
        "Session held; the feedback form is still to come from the board secretary.",
    ),
    (CSCV, date(2018, 3, 16), "feedback_received", date(2018, 4, 5), 28, "Session in French."),
    (CCI, date(2018, 3, 19), "feedback_received", date(2018, 4, 12), 35, "With interpreters."),
    (OCISO, date(2018, 3, 21), "feedback_received", date(2018, 4, 17), 26, ""),
    (SWCHC, date(2018, 3, 23), "feedback_received", date(2018, 4, 18), 14, ""),
    (PQCHC, date(2018, 3, 26), "feedback_received", date(2018, 4, 24), 17, ""),
    (
        BGC,
        date(2018, 3, 28),
        "session_held",
        date(2018, 5, 3),
        21,
        "Youth session held at the clubhouse; notes to be typed up by the youth workers.",
    ),
    (OCCSC, date(2018, 4, 3), "feedback_received", date(2018, 4, 26), 32, "Mandarin/Cantonese."),
    (ACFO, date(2018, 4, 6), "feedback_received", date(2018, 5, 1), 12, "Session en français."),
    (SOMALI_CENTRE, date(2018, 4, 9), "feedback_received", date(2018, 5, 7), 23, ""),
]

# The four in-person Partnership in Action sessions: (key, date, title, location, ward,
# local partner, people reached).
PIA_SESSIONS = [
    (
        "central",
        date(2018, 4, 18),
        "Partnership in Action (PIA) community consultation session – Central",
        "Ottawa City Hall, Jean Pigott Place",
        "Somerset",
        CENTRETOWN_CA,
        62,
    ),
    (
        "east",
        date(2018, 4, 25),
        "Partnership in Action (PIA) community consultation session – East (Orléans)",
        "Shenkman Arts Centre, Orléans",
        "Orléans",
        ORLEANS_CA,
        48,
    ),
    (
        "west",
        date(2018, 5, 2),
        "Partnership in Action (PIA) community consultation session – West (Kanata)",
        "Mlacak Centre, Kanata",
        "Kanata North",
        BEAVERBROOK_CA,
        41,
    ),
    (
        "south",
        date(2018, 5, 9),
        "Partnership in Action (PIA) community consultation session – South (Barrhaven)",
        "Walter Baker Sports Centre, Barrhaven",
        "Barrhaven",
        BARRHAVEN_CA,
        37,
    ),
]

# What was heard: (source, themes, text, quote, group agreed to be named). The source is
# ("distribution", partner name) or ("session", PIA session key).
FEEDBACK = [
    (
        ("distribution", VANIER_CA),
        ["disorder", "safety_perceptions"],
        "Residents described open drug use and discarded needles around Vanier Parkway and "
        "Montreal Road; many no longer walk there after dark.",
        "We love our neighbourhood, but we shouldn't have to step around needles to get to "
        "the bus.",
        True,
    ),
    (
        ("distribution", CARLINGTON_CA),
        ["traffic", "safety_perceptions"],
        "Speeding and cut-through traffic on residential streets was the first concern at "
        "every table; parents want enforcement near schools at the start and end of the day.",
        "",
        True,
    ),
    (
        ("distribution", OVERBROOK_CA),
        ["trust_confidence", "youth"],
        "Youth and parents asked for neighbourhood officers who stay long enough to know "
        "families by name; turnover on the Neighbourhood Resource Team erodes trust.",
        "Every time we get to know an officer, they move on.",
        True,
    ),
    (
        ("distribution", CENTRETOWN_CA),
        ["disorder", "wellbeing"],
        "Participants linked disorder on Bank Street to mental health and addiction and want "
        "police to work with outreach workers rather than only moving people along.",
        "",
        False,
    ),
    (
        ("distribution", HINTONBURG_CA),
        ["crime", "quality_of_service"],
        "Break-ins to cars and garages are frequent; residents have stopped reporting because "
        "online reports get no follow-up.",
        "If nobody calls back, why would we report?",
        True,
    ),
    (
        ("distribution", ORLEANS_CA),
        ["traffic", "priorities"],
        "Aggressive and stunt driving on the main boulevards; residents want road safety "
        "named as a strategic priority, with results reported back to the community.",
        "",
        True,
    ),
    (
        ("distribution", CSCV),
        ["quality_of_service", "trust_confidence"],
        "Les participants veulent être servis en français au téléphone et sur place; plusieurs "
        "aînés hésitent à appeler la police quand le service n'est offert qu'en anglais.",
        "Quand on appelle, on veut qu'on nous réponde en français.",
        True,
    ),
    (
        ("distribution", CCI),
        ["trust_confidence"],
        "Newcomers said that in their countries of origin police were to be feared; they want "
        "to meet officers in settings that are not about an incident.",
        "Here the police helped my family, but at first I was afraid to open the door.",
        False,
    ),
    (
        ("distribution", OCISO),
        ["quality_of_service", "trust_confidence"],
        "Participants did not know the difference between 911, the non-emergency line and "
        "online reporting, and asked for that information in several languages.",
        "",
        True,
    ),
    (
        ("distribution", SWCHC),
        ["wellbeing", "priorities"],
        "The group asked that the plan commit to joint responses with health workers for "
        "mental health calls.",
        "",
        True,
    ),
    (
        ("distribution", PQCHC),
        ["youth", "crime"],
        "Parents worry about youth being drawn into drug dealing and about gun violence; they "
        "want more youth programs with police taking part.",
        "",
        False,
    ),
    (
        ("distribution", OCCSC),
        ["crime", "safety_perceptions"],
        "Seniors reported telephone scams in Mandarin and Cantonese and feel targeted; they "
        "want fraud prevention sessions in their languages.",
        "The callers know our names and speak our language. We don't know who to trust.",
        True,
    ),
    (
        ("distribution", ACFO),
        ["priorities", "quality_of_service"],
        "Le groupe demande que le plan stratégique reconnaisse le droit des francophones à des "
        "services de police en français, y compris pour les victimes.",
        "",
        True,
    ),
    (
        ("distribution", SOMALI_CENTRE),
        ["trust_confidence", "youth"],
        "Parents spoke about their sons being stopped by police and asked for transparency on "
        "the race-based data collected at traffic stops.",
        "Our boys should not grow up afraid of the police.",
        False,
    ),
    (
        ("session", "central"),
        ["disorder", "safety_perceptions"],
        "Residents of the downtown core want visible foot patrols in the ByWard Market and on "
        "Rideau Street, especially in the evening.",
        "",
        False,
    ),
    (
        ("session", "central"),
        ["priorities"],
        "Participants asked the Board to publish progress on the plan every year so the "
        "community can hold it to account.",
        "Tell us next year what you did with what we said tonight.",
        False,
    ),
    (
        ("session", "central"),
        ["trust_confidence"],
        "Several participants from racialized communities said trust depends on how officers "
        "treat them in everyday encounters, not on consultations.",
        "",
        False,
    ),
    (
        ("session", "east"),
        ["traffic"],
        "Traffic safety and speeding on suburban and rural roads dominated the discussion.",
        "",
        False,
    ),
    (
        ("session", "east"),
        ["quality_of_service"],
        "Residents asked for faster response to non-emergency calls and for officers who know "
        "the east end.",
        "",
        False,
    ),
    (
        ("session", "west"),
        ["crime", "safety_perceptions"],
        "Kanata residents feel safe overall but are concerned about thefts from vehicles and "
        "from construction sites.",
        "",
        False,
    ),
    (
        ("session", "west"),
        ["youth", "wellbeing"],
        "Participants want more prevention work with youth in the schools, including on "
        "vaping, online safety and sextortion.",
        "",
        False,
    ),
    (
        ("session", "south"),
        ["safety_perceptions", "priorities"],
        "Barrhaven residents feel safe but worry that growth is outpacing police resources in "
        "the south end.",
        "",
        False,
    ),
    (
        ("session", "south"),
        ["trust_confidence", "priorities"],
        "Participants asked that the community help set neighbourhood priorities through "
        "regular meetings like this one.",
        "This is the first time anyone asked us.",
        False,
    ),
    (
        ("session", "south"),
        ["wellbeing"],
        "Newcomer families asked for information on family violence resources in several "
        "languages.",
        "",
        False,
    ),
]

# --------------------------------------------------------------------------------------
# 2018 events. Times are local (America/Toronto); the seed makes them aware.
# --------------------------------------------------------------------------------------

POLICE_WEEK_2018 = "Police Week 2018"
PRIDE_PARADE_2018 = "Capital Pride Parade 2018"
DIVERSITY_CELEBRATION_2018 = "Diversity Celebration 2018"
HRLF_2018 = "Human Rights Learning Forum 2018"
HRLF_THEME = "Hate in the Community – Recognize the Signs and Mitigate the Impact"

EVENTS_2018 = [
    {
        "section": "CDS",
        "title": POLICE_WEEK_2018,
        "role": "organized",
        "starts": (2018, 5, 13, 10, 0),
        "ends": (2018, 5, 19, 16, 0),
        "venue": "Across the city: Ottawa City Hall, police headquarters, shopping centres "
        "and community centres",
        "description": (
            "A well-attended Police Week with events across the city: an opening ceremony and "
            "community barbecue at City Hall, a headquarters open house, a community safety fair, "
            "a youth day, a seniors' safety morning in Vanier and a family day in Barrhaven."
        ),
        "partners": [CITY_CSS, BGC, CSCV, BARRHAVEN_CA],
        "expected": 2000,
        "actual": 2150,
        "budget": "8000.00",
        "actual_cost": "7450.00",
        "evaluation": (
            "Attendance beat expectations at every site. Partners asked to repeat the family day "
            "in the east end next year; book the City Hall barbecue permit earlier."
        ),
        "checklist": ANNUAL_EVENT_TEMPLATE,
    },
    {
        "section": "CDS",
        "title": "Vanier Community Safety Fair 2018",
        "role": "participated",
        "starts": (2018, 6, 16, 11, 0),
        "ends": (2018, 6, 16, 15, 0),
        "venue": "Parc Richelieu, Vanier",
        "description": "Safety fair hosted by the Centre des services communautaires Vanier.",
        "partners": [CSCV, VANIER_CA],
        "expected": 300,
        "actual": 260,
        "checklist": EVENT_ATTENDED_TEMPLATE,
    },
    {
        "section": "CDS",
        "title": "Community Partners Recognition Evening 2018",
        "role": "organized",
        "starts": (2018, 11, 22, 18, 0),
        "ends": (2018, 11, 22, 21, 0),
        "venue": "Ottawa Police Service headquarters, 474 Elgin Street",
        "description": (
            "An evening to thank the community groups that hosted consultation sessions and "
            "worked with CDS during the year."
        ),
        "partners": [OPSB],
        "expected": 120,
        "actual": 104,
        "budget": "2500.00",
        "actual_cost": "2210.00",
    },
    {
        "section": "CDS",
        "title": "Holiday Food Drive with Community Partners 2018",
        "role": "organized",
        "starts": (2018, 12, 8, 9, 0),
        "ends": (2018, 12, 8, 15, 0),
        "venue": "St. Laurent Shopping Centre",
        "description": "Food drive for the Vanier and Overbrook community food banks.",
        "partners": [CSCV, OVERBROOK_CA],
        "expected": 400,
        "actual": 450,
    },
    {
        "section": "DRR",
        "title": PRIDE_PARADE_2018,
        "role": "participated",
        "starts": (2018, 8, 26, 13, 0),
        "ends": (2018, 8, 26, 16, 30),
        "venue": "Parade route through Centretown",
        "description": (
            "DRR continued to engage with National Capital PRIDE and marched in the celebration "
            "parade with members of the service. A total of $1,200.00 was raised for donation to "
            "a charity in the LGBT community."
        ),
        "partners": [PRIDE],
        "expected": 60,
        "actual": 72,
        "funds_raised": "1200.00",
        "funds_beneficiary": "A charity serving the LGBT community",
        "checklist": EVENT_ATTENDED_TEMPLATE,
    },
    {
        "section": "DRR",
        "title": DIVERSITY_CELEBRATION_2018,
        "role": "organized",
        "starts": (2018, 6, 27, 10, 0),
        "ends": (2018, 6, 27, 14, 0),
        "venue": "Ottawa City Hall, Jean Pigott Place",
        "description": (
            "The annual Diversity Celebration, on Canadian Multiculturalism Day. It featured a "
            "live on-site swearing-in of new Canadian citizens by Immigration Canada "
            "(Immigration, Refugees and Citizenship Canada), presided over by the Hon. George "
            "Springate, followed by performances and food from Ottawa's communities."
        ),
        "partners": [IRCC, OLIP, CCI],
        "expected": 300,
        "actual": 340,
        "budget": "5000.00",
        "actual_cost": "4620.00",
        "evaluation": (
            "The citizenship ceremony was the highlight; new citizens' families stayed for the "
            "whole programme. Interpretation in ASL was appreciated; add French MC next year."
        ),
        "checklist": ANNUAL_EVENT_TEMPLATE,
        "speakers": [
            (
                "The Hon. George Springate",
                "Citizenship judge",
                "Immigration, Refugees and Citizenship Canada",
                "Presided over the citizenship ceremony",
            ),
        ],
        "run_of_show": [
            ("10:00", "Welcome and land acknowledgement", ""),
            ("10:15", "Remarks by the Chief of Police", ""),
            ("10:30", "Citizenship ceremony", "Presided over by the Hon. George Springate."),
            ("11:30", "Community performances", "Drummers, dancers and a youth choir."),
            ("12:30", "Lunch from Ottawa's communities", ""),
            ("13:45", "Closing remarks", ""),
        ],
    },
    {
        "section": "DRR",
        "title": HRLF_2018,
        "role": "organized",
        "starts": (2018, 12, 10, 8, 30),
        "ends": (2018, 12, 10, 16, 0),
        "venue": "Ottawa Conference and Event Centre, 200 Coventry Road",
        "description": (
            f"Theme: {HRLF_THEME}. The forum brought nearly 200 community partners and police "
            "together to hear Rabbi Reuven Bulka, Crown Attorney Mark D. Moors, and William "
            "Evans, Chief of the Boston Police at the time of the 2013 Boston Marathon bombing. "
            "Participants discussed hate-motivated incidents and radicalization, and how these "
            "issues affect our diverse society."
        ),
        "partners": [CEC, JEWISH_FED, CROWN, MAIN_MOSQUE],
        "expected": 200,
        "actual": 198,
        "budget": "6000.00",
        "actual_cost": "5740.00",
        "evaluation": (
            "Strong evaluations (4.6 out of 5). Table discussions on radicalization ran short; "
            "give them 30 more minutes next year. Several partners asked for the slides."
        ),
        "checklist": ANNUAL_EVENT_TEMPLATE,
        "speakers": [
            (
                "Rabbi Reuven Bulka",
                "Rabbi Emeritus",
                "Congregation Machzikei Hadas",
                "Hate in the community: recognizing the signs",
            ),
            (
                "Mark D. Moors",
                "Crown Attorney",
                "Ministry of the Attorney General of Ontario",
                "Hate-motivated offences: from the report to the courtroom",
            ),
            (
                "William Evans",
                "Former Commissioner, Boston Police Department",
                "Boston Police Department",
                "Lessons from the 2013 Boston Marathon bombing: a community after an attack",
            ),
        ],
        "run_of_show": [
            ("08:30", "Registration and breakfast", ""),
            ("09:00", "Opening prayer by an Algonquin Elder and welcome", ""),
            ("09:15", "Remarks by the Chief of Police and the Board chair", ""),
            ("09:30", "Rabbi Reuven Bulka", "Hate in the community: recognizing the signs."),
            ("10:30", "Health break", ""),
            ("10:45", "Crown Attorney Mark D. Moors", "Hate-motivated offences and the law."),
            ("12:00", "Lunch", "Halal, kosher and vegetarian meals."),
            ("13:00", "Keynote: William Evans", "The Boston Marathon bombing, 2013."),
            ("14:15", "Table discussions", "Hate-motivated incidents and radicalization."),
            ("15:30", "Report back and closing", ""),
        ],
    },
    {
        "section": "DRR",
        "title": "National Indigenous Peoples Day 2018",
        "role": "participated",
        "starts": (2018, 6, 21, 11, 0),
        "ends": (2018, 6, 21, 17, 0),
        "venue": "Vincent Massey Park (Summer Solstice Indigenous Festival)",
        "description": "DRR booth and officers at the Summer Solstice Indigenous Festival.",
        "partners": [ODAWA, WABANO],
        "expected": 150,
        "actual": 180,
        "checklist": EVENT_ATTENDED_TEMPLATE,
    },
    {
        "section": "DRR",
        "title": "Police-community iftar 2018",
        "role": "organized",
        "starts": (2018, 6, 5, 20, 0),
        "ends": (2018, 6, 5, 22, 30),
        "venue": "Ottawa Main Mosque, 251 Northwestern Avenue",
        "description": "Breaking the fast together during Ramadan: officers, families, imams.",
        "partners": [MAIN_MOSQUE, OMWO],
        "expected": 150,
        "actual": 165,
        "budget": "1500.00",
        "actual_cost": "1380.00",
    },
    {
        "section": "DRR",
        "title": "Black History Month opening ceremony 2018",
        "role": "participated",
        "starts": (2018, 2, 3, 13, 0),
        "ends": (2018, 2, 3, 15, 0),
        "venue": "Ottawa City Hall, Jean Pigott Place",
        "description": "Opening of Black History Month with Black History Ottawa.",
        "partners": [BHO, JOCA],
        "expected": 250,
        "actual": 280,
        "checklist": EVENT_ATTENDED_TEMPLATE,
    },
]

# --------------------------------------------------------------------------------------
# 2018 activities
# --------------------------------------------------------------------------------------

# How many approved 2018 activities each section had (the source documents' figures).
ACTIVITY_TARGETS_2018 = {"CDS": 97, "DRR": 64}

STUDENTS_MEETING_TITLE = (
    "Meeting with university and college students on the Diversity Audit and the Strategic Plan"
)


def act(when, type_code, title, partners=(), **fields):
    """One activity spec. ``when``: a date, or a month (int) in which the seed picks a
    weekday with its fixed random generator. Any field left out is filled in by type."""
    return {"when": when, "type": type_code, "title": title, "partners": list(partners), **fields}


CONSULTATION_PRIORITIES = "Community engagement; Strategic Plan 2019-2020"
EQUITY_PRIORITIES = "Equity, diversity and inclusion; Trust and confidence"


def toolkit_handoff(day, title, partner):
    """Giving a group the consultation toolkit in person."""
    return act(
        day,
        "outreach",
        title,
        [partner],
        consultation=True,
        people=4,
        hours="2",
        summary="Delivered the self-directed consultation toolkit and walked the group's hosts "
        "through the facilitator's guide, the discussion questions and the feedback form.",
        outcomes="The group will host its own session and return the feedback form within six "
        "weeks.",
        strategic_priorities=CONSULTATION_PRIORITIES,
    )


CDS_ACTIVITIES_2018 = [
    # The consultation for the Board's Strategic Plan.
    act(
        date(2018, 2, 7),
        "meeting",
        "Consultation planning meeting with the Ottawa Police Services Board on the 2019-2020 "
        "Strategic Plan",
        [OPSB],
        consultation=True,
        audience="mixed",
        people=8,
        strategic_priorities=CONSULTATION_PRIORITIES,
        summary="Agreed with the Board's staff on the consultation's questions, the self-directed "
        "toolkit for community groups and the four in-person PIA sessions.",
        outcomes="CDS to draft the toolkit and book four venues across the city.",
    ),
    act(
        date(2018, 2, 21),
        "other",
        "Prepared the self-directed community engagement consultation toolkit (English and French)",
        [OPSB],
        consultation=True,
        people=0,
        hours="12",
        summary="Wrote the facilitator's guide, questions and feedback form; translation "
        "reviewed with Corporate Communications.",
        strategic_priorities=CONSULTATION_PRIORITIES,
    ),
    toolkit_handoff(
        date(2018, 3, 5),
        "Strategic plan consultation toolkit hand-off with the Vanier Community Association",
        VANIER_CA,
    ),
    toolkit_handoff(
        date(2018, 3, 7),
        "Strategic plan consultation toolkit hand-off with the Overbrook Community Association",
        OVERBROOK_CA,
    ),
    toolkit_handoff(
        date(2018, 3, 16),
        "Remise de la trousse de consultation au Centre des services communautaires Vanier",
        CSCV,
    ),
    toolkit_handoff(
        date(2018, 3, 19),
        "Strategic plan consultation toolkit hand-off with the Catholic Centre for Immigrants",
        CCI,
    ),
    toolkit_handoff(
        date(2018, 3, 28),
        "Strategic plan consultation toolkit hand-off with youth workers at the Boys and Girls "
        "Club",
        BGC,
    ),
    toolkit_handoff(
        date(2018, 4, 3),
        "Strategic plan consultation toolkit hand-off with the Ottawa Chinese Community Service "
        "Centre",
        OCCSC,
    ),
    toolkit_handoff(
        date(2018, 4, 9),
        "Strategic plan consultation toolkit hand-off with the Somali Centre for Family Services",
        SOMALI_CENTRE,
    ),
    act(
        date(2018, 3, 13),
        "workshop",
        "Facilitation workshop for community hosts of self-directed consultation sessions",
        [CARLINGTON_CA, HINTONBURG_CA, OCISO],
        consultation=True,
        people=24,
        strategic_priorities=CONSULTATION_PRIORITIES,
    ),
    act(
        date(2018, 6, 20),
        "meeting",
        "Consultation debrief: coding community feedback by theme with the Board's staff",
        [OPSB],
        consultation=True,
        people=6,
        summary="Went through every feedback form and the PIA session notes and coded what was "
        "heard by theme: safety, crime, disorder, trust, quality of service and priorities.",
        outcomes='Draft "what we heard" summary for the Board.',
    ),
    act(
        date(2018, 9, 24),
        "presentation",
        "Presented the community consultation findings to the Ottawa Police Services Board",
        [OPSB],
        consultation=True,
        audience="mixed",
        people=35,
        summary="Presented what we heard from the 16 self-directed sessions and the four PIA "
        "sessions, by theme, with quotes the groups agreed to publish.",
        outcomes="The Board adopted the themes as input to the 2019-2020 Strategic Plan.",
        strategic_priorities=CONSULTATION_PRIORITIES,
    ),
    act(
        date(2018, 10, 17),
        "meeting",
        STUDENTS_MEETING_TITLE,
        [UOTTAWA, CARLETON, ALGONQUIN],
        audience="students",
        communities=["Students", "Youth"],
        people=155,
        hours="6",
        location="University of Ottawa, Desmarais Building",
        ward="Rideau-Vanier",
        summary="Met with more than 150 university and college students to discuss the OPS "
        "Diversity Audit and the Strategic Plan: what the audit found, what changes, and how "
        "students can take part.",
        outcomes="Students asked for a follow-up session on recruitment and on street checks.",
        strategic_priorities=EQUITY_PRIORITIES,
    ),
    # Police Week 2018, events across the city.
    act(
        date(2018, 4, 11),
        "meeting",
        "Police Week 2018 planning meeting with the City of Ottawa",
        [CITY_CSS],
        event=POLICE_WEEK_2018,
        people=7,
        summary="Booked City Hall and the community centres for Police Week and agreed on the "
        "week's programme with the City.",
        outcomes="Permits requested; programme to be announced with Corporate Communications.",
    ),
    act(
        date(2018, 5, 14),
        "event_hosted",
        "Police Week 2018: opening ceremony and community barbecue at Ottawa City Hall",
        [CITY_CSS],
        event=POLICE_WEEK_2018,
        audience="mixed",
        people=600,
        hours="14",
        location="Ottawa City Hall, Marion Dewar Plaza",
        ward="Somerset",
    ),
    act(
        date(2018, 5, 15),
        "event_hosted",
        "Police Week 2018: open house and tours at police headquarters, 474 Elgin Street",
        [],
        event=POLICE_WEEK_2018,
        audience="mixed",
        people=350,
        hours="10",
        location="474 Elgin Street",
        ward="Somerset",
    ),
    act(
        date(2018, 5, 16),
        "event_hosted",
        "Police Week 2018: community safety fair at St. Laurent Shopping Centre",
        [OVERBROOK_CA],
        event=POLICE_WEEK_2018,
        people=420,
        hours="9",
        location="St. Laurent Shopping Centre",
        ward="Beacon Hill-Cyrville",
    ),
    act(
        date(2018, 5, 17),
        "event_hosted",
        "Police Week 2018: youth day with the Boys and Girls Club at the Britannia clubhouse",
        [BGC],
        event=POLICE_WEEK_2018,
        communities=["Youth"],
        people=120,
        hours="8",
        ward="Bay",
    ),
    act(
        date(2018, 5, 18),
        "event_hosted",
        "Police Week 2018: matinée sécurité des aînés au Centre des services communautaires Vanier",
        [CSCV],
        event=POLICE_WEEK_2018,
        communities=["Seniors", "Francophone"],
        people=85,
        hours="6",
        ward="Rideau-Vanier",
    ),
    act(
        date(2018, 5, 19),
        "event_hosted",
        "Police Week 2018: family day and K-9 demonstration in Barrhaven",
        [BARRHAVEN_CA],
        event=POLICE_WEEK_2018,
        people=500,
        hours="12",
        ward="Barrhaven",
    ),
    # Other CDS events.
    act(
        date(2018, 6, 16),
        "event_attended",
        "Booth at the Vanier Community Safety Fair",
        [CSCV, VANIER_CA],
        event="Vanier Community Safety Fair 2018",
        people=260,
    ),
    act(
        date(2018, 11, 22),
        "event_hosted",
        "Community Partners Recognition Evening",
        [OPSB, VANIER_CA, CCI],
        event="Community Partners Recognition Evening 2018",
        audience="mixed",
        people=104,
        hours="10",
    ),
    act(
        date(2018, 12, 8),
        "event_hosted",
        "Holiday food drive with community partners at St. Laurent Shopping Centre",
        [CSCV, OVERBROOK_CA],
        event="Holiday Food Drive with Community Partners 2018",
        people=450,
        hours="12",
    ),
    # The OLIP equity group: action plans for equity within organizations.
    act(
        1,
        "committee",
        "OLIP Equity Group: planning the 2018 equity action plans",
        [OLIP],
        strategic_priorities=EQUITY_PRIORITIES,
    ),
    act(
        2,
        "workshop",
        "OLIP Equity Group: workshop on writing an equity action plan for member organizations",
        [OLIP, CCI],
        people=28,
        strategic_priorities=EQUITY_PRIORITIES,
    ),
    act(3, "committee", "OLIP Equity Group: review of the equity self-assessment tool", [OLIP]),
    act(4, "committee", "OLIP Equity Group: action-plan working session", [OLIP, OCISO]),
    act(
        6,
        "presentation",
        "OLIP Equity Group: presented the OPS equity action plan as a worked example",
        [OLIP],
        people=30,
    ),
    act(7, "committee", "OLIP Equity Group: Welcoming Ottawa Week debrief", [OLIP]),
    act(
        9,
        "committee",
        "OLIP Equity Group: action-plan check-in with member organizations",
        [OLIP, UNITED_WAY],
    ),
    act(
        11,
        "event_attended",
        "Attended the OLIP Ottawa Immigration Forum",
        [OLIP, CCI, OCISO],
        people=300,
        hours="7",
    ),
    act(12, "committee", "OLIP Equity Group: year-end review of equity action plans", [OLIP]),
    # Presentations.
    act(
        2,
        "presentation",
        "Presentation on community policing to Algonquin College Police Foundations students",
        [ALGONQUIN],
        audience="students",
        communities=["Students"],
        people=65,
    ),
    act(
        3,
        "presentation",
        "Information session for newcomers at the Catholic Centre for Immigrants: calling 911 "
        "and reporting online",
        [CCI],
        communities=["Newcomers and refugees"],
        people=40,
    ),
    act(
        3,
        "presentation",
        "Présentation aux élèves du Conseil des écoles catholiques du Centre-Est sur la "
        "sécurité en ligne",
        [CECCE],
        audience="students",
        communities=["Youth", "Francophone"],
        people=90,
    ),
    act(
        4,
        "presentation",
        "Presentation to Carleton University criminology students on the Strategic Plan "
        "consultation",
        [CARLETON],
        audience="students",
        communities=["Students"],
        consultation=True,
        people=55,
    ),
    act(
        6,
        "presentation",
        "Presentation on the OPS Diversity Audit to Ottawa Local Immigration Partnership members",
        [OLIP],
        people=35,
        strategic_priorities=EQUITY_PRIORITIES,
    ),
    act(
        9,
        "presentation",
        "Back-to-school safety presentation to an Ottawa-Carleton District School Board "
        "parents' council",
        [OCDSB],
        communities=["Youth"],
        people=45,
    ),
    act(
        10,
        "presentation",
        "Présentation aux étudiants de La Cité collégiale (Techniques des services policiers) "
        "sur l'engagement communautaire",
        [LA_CITE],
        audience="students",
        communities=["Students", "Francophone"],
        people=70,
    ),
    act(
        11,
        "presentation",
        "Seniors' fraud prevention information session at the Ottawa Chinese Community Service "
        "Centre",
        [OCCSC],
        communities=["Chinese", "Seniors"],
        people=45,
    ),
    act(
        5,
        "presentation",
        "Presentation to the Beaverbrook Community Association's annual general meeting",
        [BEAVERBROOK_CA],
        communities=["Seniors"],
        people=60,
    ),
    # Workshops to NRTs, CPCs, SROs and recruits.
    act(
        1,
        "workshop",
        "Workshop for Neighbourhood Resource Team (NRT) officers: working with community "
        "associations",
        [],
        audience="police",
        people=18,
    ),
    act(
        3,
        "workshop",
        "Community engagement workshop for Community Police Centre (CPC) officers and volunteers",
        [],
        audience="mixed",
        people=26,
    ),
    act(
        8,
        "workshop",
        "Workshop for School Resource Officers (SROs): engaging parents and school councils",
        [OCDSB],
        audience="police",
        people=22,
    ),
    act(
        10,
        "workshop",
        "Workshop for new recruits: community engagement and partnerships",
        [],
        audience="police",
        people=30,
    ),
    act(
        11,
        "workshop",
        "Workshop for NRT officers in Vanier and Overbrook: mapping local partners",
        [VANIER_CA, OVERBROOK_CA],
        audience="police",
        people=14,
    ),
    # Focus groups.
    act(
        6,
        "focus_group",
        "Focus group with youth at the Boys and Girls Club on the Strategic Plan",
        [BGC],
        communities=["Youth"],
        consultation=True,
        people=12,
    ),
    act(
        7,
        "focus_group",
        "Focus group with Somali parents on youth and police",
        [SOMALI_CENTRE],
        communities=["Black", "Muslim"],
        people=11,
    ),
    act(
        9,
        "focus_group",
        "Groupe de discussion avec des aînés francophones au Centre des services communautaires "
        "Vanier",
        [CSCV],
        communities=["Seniors", "Francophone"],
        people=10,
    ),
    # Media.
    act(
        4,
        "media",
        "Interview with CBC Ottawa Morning on the Strategic Plan community consultation",
        [OPSB],
        consultation=True,
    ),
    act(5, "media", "Entrevue avec Radio-Canada Ottawa-Gatineau sur la Semaine de la police"),
    act(
        9,
        "media",
        "Social media posts on the consultation results, with partners' permission",
        [OPSB],
        consultation=True,
    ),
    # Inquiries.
    act(
        2,
        "inquiry_response",
        "Response to a resident's inquiry about starting a Neighbourhood Watch in Barrhaven",
        [BARRHAVEN_CA],
    ),
    act(
        4,
        "inquiry_response",
        "Response to the Sparks Street BIA's inquiry about panhandling and disorder",
        [SPARKS_BIA],
    ),
    act(
        6,
        "inquiry_response",
        "Response to a principal's request for officers at a school cultural night",
        [OCDSB],
    ),
    act(
        8,
        "inquiry_response",
        "Response to a community association's request for a police speaker at its AGM",
        [HINTONBURG_CA],
    ),
    act(
        10,
        "inquiry_response",
        "Response to a newcomer family's inquiry about reporting online fraud",
        [OCISO],
        communities=["Newcomers and refugees"],
    ),
    # Conflict resolution.
    act(
        7,
        "mediation",
        "Conflict resolution meeting between residents and youth over the basketball court in "
        "Overbrook",
        [OVERBROOK_CA],
        communities=["Youth"],
    ),
    act(
        9,
        "mediation",
        "Facilitated dialogue between the Chinatown BIA and residents on late-night noise and "
        "disorder",
        [CHINATOWN_BIA, CENTRETOWN_CA],
    ),
    # Committees and working groups.
    act(
        2,
        "committee",
        "Crime Prevention Ottawa neighbourhood safety working group",
        [CPO],
    ),
    act(
        5,
        "committee",
        "Crime Prevention Ottawa working group: neighbourhood safety indicators",
        [CPO, CITY_CSS],
    ),
    act(
        10,
        "committee",
        "United Way community safety and well-being table",
        [UNITED_WAY, CITY_CSS],
    ),
    act(
        3,
        "committee",
        "Table de concertation sur la sécurité à Vanier",
        [CSCV, VANIER_CA, VANIER_BIA],
        communities=["Francophone"],
    ),
    act(
        11,
        "committee",
        "Ottawa Victim Services partners' meeting on outreach to newcomer victims",
        [VICTIM_SERVICES, CCI],
    ),
    # Networking and outreach.
    act(
        3,
        "event_attended",
        "Kiosque d'information à la Cabane à sucre de Vanier",
        [VANIER_BIA, CSCV],
        communities=["Francophone"],
        people=220,
    ),
    act(8, "event_attended", "Booth at the Carlington Summerfest", [CARLINGTON_CA], people=180),
    act(9, "outreach", "Information table at Algonquin College's welcome week", [ALGONQUIN]),
    act(1, "outreach", "Networking breakfast with the Sparks Street BIA", [SPARKS_BIA]),
    act(
        10,
        "outreach",
        "Outreach at the Overbrook community centre's newcomer welcome night",
        [OVERBROOK_CA, OCISO],
        communities=["Newcomers and refugees"],
    ),
    act(
        7,
        "outreach",
        "Neighbourhood walkabout with the Hintonburg Community Association",
        [HINTONBURG_CA],
    ),
    act(
        12,
        "other",
        "Year-end update of the CDS community partner directory",
        [],
        people=0,
        hours="5",
        summary="Called partners to confirm contacts and consent, archived groups that have "
        "closed and added the groups met during the year.",
    ),
]

# Recurring work that fills each section's year up to its figure: (type, title with
# {partner}, which reads "the ..." where it should, partners to cycle through).
CDS_RECURRING = [
    (
        "meeting",
        "Liaison meeting with {partner}",
        [
            VANIER_CA,
            CARLINGTON_CA,
            OVERBROOK_CA,
            CENTRETOWN_CA,
            HINTONBURG_CA,
            ORLEANS_CA,
            BARRHAVEN_CA,
            CSCV,
            SWCHC,
            PQCHC,
            JOHN_HOWARD,
        ],
    ),
    (
        "outreach",
        "Drop-in and networking visit at {partner}",
        [CCI, OCISO, SOMALI_CENTRE, BGC, OCCSC, ACFO, CHINATOWN_BIA],
    ),
    (
        "meeting",
        "Community safety follow-up with {partner}",
        [CARLINGTON_CA, VANIER_CA, OVERBROOK_CA, CENTRETOWN_CA],
    ),
]

DRR_ACTIVITIES_2018 = [
    # The new Community Equity Council.
    act(
        date(2018, 1, 17),
        "committee",
        "Community Equity Council (CEC) creation: first working session on the terms of reference",
        [CEC],
        strategic_priorities=EQUITY_PRIORITIES,
    ),
    act(
        date(2018, 2, 14),
        "committee",
        "CEC creation: working session on selecting community members",
        [CEC],
        strategic_priorities=EQUITY_PRIORITIES,
    ),
    act(
        date(2018, 3, 21),
        "committee",
        "CEC creation: working session with the Chief and the community co-chairs",
        [CEC],
        strategic_priorities=EQUITY_PRIORITIES,
        summary="Working session with the Chief and the community co-chairs on the council's "
        "mandate, membership and how it will report to the community.",
        outcomes="Terms of reference ready for the governance working group.",
    ),
    act(
        date(2018, 4, 18),
        "committee",
        "CEC creation: governance working group",
        [CEC, OPSB],
        strategic_priorities=EQUITY_PRIORITIES,
    ),
    act(
        date(2018, 5, 23),
        "meeting",
        "Community Equity Council launch meeting",
        [CEC, OPSB],
        audience="mixed",
        people=45,
        hours="8",
        strategic_priorities=EQUITY_PRIORITIES,
        summary="First meeting of the new Community Equity Council: members, police leaders and "
        "the Board met to launch the council and agree on how it will work.",
        outcomes="Council launched; priority-setting session booked for June.",
    ),
    act(
        date(2018, 6, 13),
        "committee",
        "Community Equity Council: priority-setting session",
        [CEC],
        strategic_priorities=EQUITY_PRIORITIES,
    ),
    act(
        date(2018, 9, 19),
        "committee",
        "Community Equity Council working group on traffic stops and race-based data",
        [CEC],
        strategic_priorities=EQUITY_PRIORITIES,
    ),
    act(
        date(2018, 11, 14),
        "committee",
        "Community Equity Council: meeting on the Diversity Audit results",
        [CEC],
        strategic_priorities=EQUITY_PRIORITIES,
    ),
    # Capital Pride.
    act(
        date(2018, 7, 11),
        "meeting",
        "Planning meeting with Capital Pride on the service's participation in the 2018 parade",
        [PRIDE],
        event=PRIDE_PARADE_2018,
        people=6,
        summary="Agreed with Capital Pride on the service's contingent in the parade, the "
        "fundraising barbecue and the charity that will receive the funds raised.",
        outcomes="Contingent registered; barbecue set for the Thursday before the parade.",
    ),
    act(
        date(2018, 8, 17),
        "event_attended",
        "Pride flag raising at Ottawa City Hall",
        [PRIDE],
        communities=["2SLGBTQ+"],
        people=150,
    ),
    act(
        date(2018, 8, 23),
        "event_hosted",
        "Pride fundraising barbecue at police headquarters for a charity serving the LGBT "
        "community",
        [PRIDE],
        event=PRIDE_PARADE_2018,
        communities=["2SLGBTQ+"],
        audience="mixed",
        people=180,
        hours="8",
    ),
    act(
        date(2018, 8, 26),
        "event_attended",
        "Marched in the Capital Pride Parade",
        [PRIDE],
        event=PRIDE_PARADE_2018,
        communities=["2SLGBTQ+"],
        audience="mixed",
        people=2500,
        hours="8",
        summary="DRR marched in the celebration parade with members of the service. A total "
        "of $1,200.00 was raised for donation to a charity in the LGBT community.",
    ),
    act(
        2,
        "meeting",
        "Meeting with Kind Space on 2SLGBTQ+ community safety concerns",
        [KIND_SPACE],
        communities=["2SLGBTQ+"],
    ),
    act(
        4,
        "presentation",
        "Presentation to Ten Oaks Project volunteers on police and 2SLGBTQ+ youth",
        [TEN_OAKS],
        communities=["2SLGBTQ+", "Youth"],
        people=25,
    ),
    act(
        10,
        "meeting",
        "Meeting with Capital Rainbow Refuge on supporting LGBTQ+ refugees who report hate "
        "incidents",
        [RAINBOW_REFUGE],
        communities=["2SLGBTQ+", "Newcomers and refugees"],
    ),
    # The Diversity Celebration.
    act(
        date(2018, 5, 9),
        "meeting",
        "Planning the Diversity Celebration citizenship ceremony with Immigration, Refugees and "
        "Citizenship Canada",
        [IRCC],
        event=DIVERSITY_CELEBRATION_2018,
        people=5,
        summary="Arranged the live citizenship ceremony at the Diversity Celebration with IRCC: "
        "the number of candidates, the citizenship judge, the oath and the room set-up.",
        outcomes="Ceremony confirmed, presided over by the Hon. George Springate.",
    ),
    act(
        date(2018, 6, 27),
        "event_hosted",
        "Diversity Celebration 2018 with an on-site citizenship ceremony",
        [IRCC, OLIP, CCI],
        event=DIVERSITY_CELEBRATION_2018,
        communities=["Newcomers and refugees"],
        audience="mixed",
        people=340,
        hours="16",
        summary="The annual Diversity Celebration featured a live on-site swearing-in of "
        "Canadian citizens by Immigration Canada, presided over by the Hon. George Springate.",
    ),
    # The Human Rights Learning Forum.
    act(
        date(2018, 10, 10),
        "meeting",
        "Human Rights Learning Forum planning meeting with the Community Equity Council",
        [CEC],
        event=HRLF_2018,
        people=9,
        summary="Chose the forum's theme with the council: hate in the community, how to "
        "recognize the signs and mitigate the impact; drew up the list of speakers.",
        outcomes="Invitations to Rabbi Reuven Bulka, Crown Attorney Mark D. Moors and William "
        "Evans.",
    ),
    act(
        date(2018, 11, 20),
        "meeting",
        "Speaker briefing for the Human Rights Learning Forum with the Crown Attorney's Office",
        [CROWN],
        event=HRLF_2018,
        people=4,
        summary="Briefed the Crown's office on the audience and the format of the forum; agreed "
        "on the talk on hate-motivated offences.",
        outcomes="Slides to be shared a week before the forum.",
    ),
    act(
        date(2018, 12, 10),
        "event_hosted",
        f"Human Rights Learning Forum 2018: {HRLF_THEME}",
        [CEC, JEWISH_FED, CROWN, MAIN_MOSQUE],
        event=HRLF_2018,
        audience="mixed",
        people=198,
        hours="20",
        summary="Nearly 200 community partners and police heard Rabbi Reuven Bulka, Crown "
        "Attorney Mark D. Moors and William Evans, Chief of the Boston Police at the time of the "
        "2013 Boston Marathon bombing, and discussed hate-motivated incidents and "
        "radicalization.",
        strategic_priorities=EQUITY_PRIORITIES,
    ),
    # Indigenous communities.
    act(
        1,
        "meeting",
        "Meeting with the Odawa Native Friendship Centre on youth programming",
        [ODAWA],
        communities=["Indigenous", "Youth"],
    ),
    act(
        2,
        "workshop",
        "Indigenous cultural awareness workshop for Neighbourhood Resource Team officers, with "
        "Wabano",
        [WABANO],
        audience="police",
        communities=["Indigenous"],
        people=20,
    ),
    act(
        3,
        "meeting",
        "Meeting with Minwaashin Lodge on supporting Indigenous women who report violence",
        [MINWAASHIN],
        communities=["Indigenous", "Women"],
    ),
    act(
        date(2018, 6, 21),
        "event_attended",
        "National Indigenous Peoples Day at the Summer Solstice Indigenous Festival",
        [ODAWA, WABANO],
        event="National Indigenous Peoples Day 2018",
        communities=["Indigenous"],
        people=180,
    ),
    act(
        date(2018, 9, 28),
        "event_attended",
        "Orange Shirt Day walk with the Wabano Centre",
        [WABANO],
        communities=["Indigenous"],
        people=120,
    ),
    act(
        date(2018, 10, 4),
        "event_attended",
        "Sisters in Spirit vigil on Parliament Hill",
        [MINWAASHIN],
        communities=["Indigenous", "Women"],
        people=200,
        summary="Walked with families and Minwaashin Lodge at the vigil honouring missing and "
        "murdered Indigenous women and girls.",
        outcomes="Minwaashin invited DRR to its next community dinner.",
    ),
    act(
        11,
        "meeting",
        "Meeting with Tungasuvvingat Inuit on Inuit community members' experience with police",
        [TUNGASUVVINGAT],
        communities=["Indigenous"],
    ),
    # Faith communities.
    act(
        date(2018, 1, 29),
        "event_attended",
        "Vigil marking one year since the Quebec City mosque shooting",
        [MAIN_MOSQUE],
        communities=["Muslim"],
        people=300,
        summary="Attended the vigil with the Muslim community one year after the attack on the "
        "Islamic Cultural Centre of Quebec City; officers in uniform and plain clothes.",
        outcomes="Community leaders thanked the service for its presence.",
    ),
    act(
        3,
        "meeting",
        "Safety and security meeting with the South Nepean Muslim Community",
        [SNMC],
        communities=["Muslim"],
    ),
    act(
        date(2018, 4, 14),
        "event_attended",
        "Vaisakhi celebration at the Gurdwara Sahib – Ottawa Sikh Society",
        [GURDWARA],
        communities=["Sikh", "South Asian"],
        people=400,
    ),
    act(
        5,
        "event_attended",
        "Open house at the Ottawa Main Mosque",
        [MAIN_MOSQUE],
        communities=["Muslim"],
        people=220,
    ),
    act(
        date(2018, 6, 5),
        "event_hosted",
        "Police-community iftar at the Ottawa Main Mosque",
        [MAIN_MOSQUE, OMWO],
        event="Police-community iftar 2018",
        communities=["Muslim", "Arab"],
        audience="mixed",
        people=165,
        hours="9",
    ),
    act(
        date(2018, 6, 15),
        "outreach",
        "Liaison at Eid al-Fitr prayers at the EY Centre",
        [MAIN_MOSQUE, SNMC],
        communities=["Muslim"],
        people=150,
    ),
    act(
        date(2018, 10, 29),
        "meeting",
        "Meeting with the Jewish Federation of Ottawa after the Pittsburgh synagogue attack",
        [JEWISH_FED, MACHZIKEI],
        communities=["Jewish"],
        people=12,
        summary="Met the Federation's security director and synagogue leaders after the attack on "
        "the Tree of Life synagogue in Pittsburgh on October 27 to reassure the community and "
        "review security at synagogues and schools.",
        outcomes="Extra patrols around synagogues for two weeks; security assessments offered "
        "to every congregation.",
    ),
    act(
        date(2018, 11, 1),
        "event_attended",
        "Community vigil for the victims of the Pittsburgh synagogue attack",
        [JEWISH_FED],
        communities=["Jewish", "Faith communities (general)"],
        people=500,
        summary="Stood with the Jewish community and people of every faith at the vigil for the "
        "eleven people killed in Pittsburgh.",
        outcomes="Community leaders thanked the service for its presence.",
    ),
    act(
        date(2018, 11, 7),
        "event_attended",
        "Diwali celebration at the Hindu Temple of Ottawa-Carleton",
        [HINDU_TEMPLE, ICAO],
        communities=["Hindu", "South Asian"],
        people=350,
    ),
    act(
        date(2018, 12, 4),
        "event_attended",
        "Hanukkah menorah lighting with the Jewish community",
        [MACHZIKEI],
        communities=["Jewish"],
        people=120,
        summary="Took part in the public menorah lighting; officers met families and the "
        "congregation's security volunteers.",
    ),
    # Black communities.
    act(
        date(2018, 2, 3),
        "event_attended",
        "Black History Month opening ceremony at Ottawa City Hall",
        [BHO, JOCA],
        event="Black History Month opening ceremony 2018",
        communities=["Black"],
        people=280,
    ),
    act(
        2,
        "meeting",
        "Meeting with the Jamaican Ottawa Community Association on youth and police",
        [JOCA],
        communities=["Black", "Youth"],
    ),
    act(
        7,
        "meeting",
        "Meeting with the Somali Centre for Family Services on youth violence prevention",
        [SOMALI_CENTRE],
        communities=["Black", "Muslim", "Youth"],
    ),
    act(
        9,
        "meeting",
        "Rencontre avec l'Association des Haïtiens d'Ottawa sur la sécurité des jeunes",
        [HAITIENS],
        communities=["Black", "Francophone", "Youth"],
    ),
    # Workshops for police members and community leaders.
    act(
        3,
        "workshop",
        "Cultural competency workshop for Community Police Centre (CPC) officers",
        [],
        audience="police",
        people=16,
    ),
    act(
        4,
        "workshop",
        "Workshop on responding to hate-motivated incidents for frontline (FLD) supervisors",
        [CROWN],
        audience="police",
        people=24,
    ),
    act(
        6,
        "workshop",
        "Workshop for Muslim community leaders on reporting hate crimes",
        [MAIN_MOSQUE, SNMC, OMWO],
        communities=["Muslim"],
        people=32,
    ),
    act(
        9,
        "workshop",
        "Workshop for School Resource Officers (SROs) on supporting newcomer students",
        [OCDSB],
        audience="police",
        people=19,
    ),
    act(
        10,
        "workshop",
        "Diversity and inclusion training for new recruits",
        [],
        audience="police",
        people=30,
    ),
    # Focus groups.
    act(
        5,
        "focus_group",
        "Focus group with Muslim women on harassment in public spaces",
        [OMWO],
        communities=["Muslim", "Women"],
        people=10,
    ),
    act(
        11,
        "focus_group",
        "Focus group with newcomer youth at LASSA on their experiences with police",
        [LASSA],
        communities=["Arab", "Youth", "Newcomers and refugees"],
        people=12,
    ),
    # Inquiries.
    act(
        1,
        "inquiry_response",
        "Response to a mosque's inquiry about a security assessment",
        [SNMC],
        communities=["Muslim"],
    ),
    act(
        5,
        "inquiry_response",
        "Response to a resident's inquiry about reporting an anti-Black hate incident",
        [],
        communities=["Black"],
    ),
    act(
        8,
        "inquiry_response",
        "Response to an officer's inquiry about religious accommodation during a search",
        [],
        audience="police",
    ),
    act(
        11,
        "inquiry_response",
        "Response to a school's inquiry about a speaker for Holocaust education week",
        [OCDSB, JEWISH_FED],
    ),
    # Conflict resolution.
    act(
        4,
        "mediation",
        "Conflict resolution meeting between a community group and patrol officers after a "
        "complaint about a traffic stop",
        [JOCA],
        communities=["Black"],
    ),
    act(
        9,
        "mediation",
        "Mediation between two cultural associations over security for a shared festival",
        [ICAO],
        communities=["South Asian"],
    ),
    # Presentations.
    act(
        3,
        "presentation",
        "Know your rights and police services information session for newcomers at OCISO",
        [OCISO],
        communities=["Newcomers and refugees"],
        people=38,
    ),
    act(
        10,
        "presentation",
        "Presentation on hate crime reporting to University of Ottawa students",
        [UOTTAWA],
        audience="students",
        communities=["Students"],
        people=60,
    ),
    act(
        11,
        "presentation",
        "Presentation on the Community Equity Council to the Ottawa Police Services Board",
        [OPSB, CEC],
        audience="mixed",
        people=30,
    ),
    # The International Visitor Leadership Program.
    act(
        10,
        "other",
        "International Visitor Leadership Program: sharing OPS community engagement practices "
        "with U.S. law enforcement agencies",
        [],
        audience="police",
        people=40,
        hours="8",
        summary="Staff Sergeant Dave Zackrias was selected by the U.S. State Department to take "
        "part in the International Visitor Leadership Program and shared OPS best practices in "
        "community engagement with several law enforcement agencies in the United States.",
    ),
    # Media.
    act(5, "media", "Interview with CBC Ottawa on the new Community Equity Council", [CEC]),
    act(
        11,
        "media",
        "Social media campaign for the Human Rights Learning Forum",
        [CEC],
        event=HRLF_2018,
    ),
]

DRR_RECURRING = [
    (
        "meeting",
        "Relationship-building meeting with {partner}",
        [GURDWARA, HINDU_TEMPLE, LASSA, ICAO, OMWO, WABANO, BHO],
    ),
    (
        "outreach",
        "Community outreach visit at {partner}",
        [SNMC, ODAWA, HAITIENS, KIND_SPACE],
    ),
]

SECTION_ACTIVITIES_2018 = {
    "CDS": (CDS_ACTIVITIES_2018, CDS_RECURRING),
    "DRR": (DRR_ACTIVITIES_2018, DRR_RECURRING),
}

# Per type, for fields a spec leaves out: (people reached range, staff hours range counted in
# half hours). Then summaries and outcomes by type, with {partners} filled in.
TYPE_DEFAULTS = {
    "meeting": ((4, 20), (3, 8)),
    "consultation_session": ((30, 60), (12, 20)),
    "presentation": ((20, 60), (4, 8)),
    "workshop": ((12, 30), (6, 14)),
    "event_hosted": ((80, 300), (12, 24)),
    "event_attended": ((60, 300), (4, 12)),
    "committee": ((6, 16), (3, 6)),
    "outreach": ((8, 40), (3, 8)),
    "inquiry_response": ((1, 3), (1, 4)),
    "mediation": ((3, 10), (4, 10)),
    "focus_group": ((6, 14), (5, 8)),
    "media": ((0, 0), (1, 4)),
    "other": ((5, 30), (2, 8)),
}

SUMMARIES = {
    "meeting": [
        "Met with {partners} to go over current concerns in the community and upcoming activities.",
        "Sat down with {partners} to review what has changed since our last meeting and agree "
        "on next steps.",
        "Meeting with {partners}: local safety concerns, upcoming events and how the section "
        "can help.",
    ],
    "presentation": [
        "Gave a presentation with {partners}, followed by questions from the audience.",
        "Information session with {partners}; handouts in English and French.",
    ],
    "workshop": [
        "Designed and delivered the workshop with {partners}; participants worked through "
        "local case studies.",
        "Interactive workshop with {partners}; evaluation forms collected at the end.",
    ],
    "event_hosted": ["Hosted the event with {partners}."],
    "event_attended": [
        "Took part in the event with {partners}; officers in uniform met community members.",
        "Attended with {partners}; information table and conversations with families.",
    ],
    "committee": [
        "Regular meeting of the working group with {partners}; reviewed actions from the last "
        "meeting.",
        "Working group with {partners}: progress on actions and next steps.",
    ],
    "outreach": [
        "Visited {partners} to keep in touch, hear concerns and share information on services.",
        "Networking with {partners}; collected contacts and shared upcoming events.",
    ],
    "inquiry_response": [
        "Answered the inquiry and referred to the right unit; {partners} informed.",
        "Responded by phone and email within two business days; {partners} kept in the loop.",
    ],
    "mediation": [
        "Facilitated a conversation with {partners} so each side could be heard; agreed on "
        "steps both can live with.",
    ],
    "focus_group": [
        "Focus group with {partners}; notes kept without names, themes shared with the "
        "participants.",
    ],
    "media": ["Media work with {partners}; key messages agreed with Corporate Communications."],
    "consultation_session": ["Consultation session with {partners}."],
    "other": ["Work with {partners}."],
}
# Who a summary names when an activity has no partner, by audience.
NO_PARTNER = {
    "community": "community members",
    "police": "members of the service",
    "students": "students",
    "mixed": "community members and police",
}

OUTCOMES = {
    "meeting": [
        "Concerns passed to the Neighbourhood Resource Team; follow-up meeting set.",
        "Agreed on a joint activity in the coming months.",
        "Contact list updated; partner invited to the next section event.",
    ],
    "presentation": [
        "Several participants asked for a follow-up session.",
        "Handouts distributed; questions answered on the spot.",
    ],
    "workshop": [
        "Evaluations positive; participants asked for a refresher next year.",
        "Participants mapped partners they will contact.",
    ],
    "event_hosted": ["Well attended; partners asked to repeat it next year."],
    "event_attended": [
        "Good conversations with families; new contacts for the partner list.",
        "Visible police presence welcomed by the organizers.",
    ],
    "committee": ["Actions assigned; next meeting scheduled.", "Draft shared for comments."],
    "outreach": ["New contacts added; invitation to our next information session."],
    "inquiry_response": ["Inquiry closed.", "Referred to the appropriate unit; inquiry closed."],
    "mediation": ["Both parties agreed to meet again in a month.", "Tension reduced."],
    "focus_group": ["Themes added to the section's notes for the annual report."],
    "media": ["Story aired; no corrections needed."],
    "consultation_session": ["Feedback coded by theme."],
    "other": [""],
}

# --------------------------------------------------------------------------------------
# The current year: a few activities per section, some waiting in the review queue, and
# upcoming events. Activities are always dated before today.
# --------------------------------------------------------------------------------------

RETURN_COMMENT = "Please add the number of people reached."

# Each: when it happened this year, then type, title (the natural key with the section),
# partners, review status, people reached and extras. ``when`` is (month, day),
# ("nth_sunday", month, n) or ("movable", observance name, days after its start); when that
# date is not before today, the activity falls back to ``fallback``, a fraction of the part
# of the year gone by, so it is always in the past.
CURRENT_ACTIVITIES = {
    "CDS": [
        {
            "when": (1, 14),
            "fallback": 0.05,
            "type": "meeting",
            "title": "New-year planning meeting with the Vanier Community Association",
            "partners": [VANIER_CA],
            "status": "approved",
            "people": 9,
        },
        {
            "when": (2, 11),
            "fallback": 0.15,
            "type": "presentation",
            "title": "Community policing presentation to Police Foundations students at "
            "Algonquin College",
            "partners": [ALGONQUIN],
            "status": "approved",
            "people": 58,
            "audience": "students",
            "communities": ["Students"],
        },
        {
            "when": (4, 22),
            "fallback": 0.3,
            "type": "committee",
            "title": "Community safety and well-being plan working group",
            "partners": [CITY_CSS, CPO],
            "status": "approved",
            "people": 12,
        },
        {
            "when": (7, 18),
            "fallback": 0.45,
            "type": "outreach",
            "title": "Information table at the Carlington community summer festival",
            "partners": [CARLINGTON_CA],
            "status": "approved",
            "people": 140,
        },
        {
            "when": (9, 16),
            "fallback": 0.6,
            "type": "workshop",
            "title": "Workshop for Neighbourhood Resource Team officers: getting to know local "
            "partners",
            "partners": [OVERBROOK_CA],
            "status": "approved",
            "people": 16,
            "audience": "police",
        },
        {
            "when": (11, 4),
            "fallback": 0.75,
            "type": "presentation",
            "title": "Newcomer information session at the Catholic Centre for Immigrants: 911, "
            "311 and online reporting",
            "partners": [CCI],
            "status": "submitted",
            "people": 34,
            "communities": ["Newcomers and refugees"],
        },
        {
            "when": (11, 12),
            "fallback": 0.9,
            "type": "outreach",
            "title": "Rencontre avec le Centre des services communautaires Vanier sur la "
            "sécurité des aînés",
            "partners": [CSCV],
            "status": "submitted",
            "people": 14,
            "communities": ["Seniors", "Francophone"],
        },
        {
            "when": (11, 10),
            "fallback": 0.85,
            "type": "meeting",
            "title": "Meeting with the Sparks Street BIA on holiday season safety",
            "partners": [SPARKS_BIA],
            "status": "returned",
            "people": 0,
        },
    ],
    "DRR": [
        {
            "when": (1, 27),
            "fallback": 0.05,
            "type": "event_attended",
            "title": "Holocaust Remembrance Day ceremony with the Jewish Federation of Ottawa",
            "partners": [JEWISH_FED],
            "status": "approved",
            "people": 180,
            "communities": ["Jewish"],
            "summary": "Attended the commemoration with survivors' families, students and "
            "community leaders; laid a wreath on behalf of the service.",
        },
        {
            "when": ("movable", "Ramadan", 14),
            "fallback": 0.15,
            "type": "event_hosted",
            "title": "Police-community iftar with the Ottawa Main Mosque",
            "partners": [MAIN_MOSQUE, OMWO],
            "status": "approved",
            "people": 150,
            "communities": ["Muslim"],
            "audience": "mixed",
        },
        {
            "when": (4, 15),
            "fallback": 0.3,
            "type": "committee",
            "title": "Community Equity Council quarterly meeting",
            "partners": [CEC],
            "status": "approved",
            "people": 14,
        },
        {
            "when": (6, 21),
            "fallback": 0.45,
            "type": "event_attended",
            "title": "National Indigenous Peoples Day with the Odawa Native Friendship Centre",
            "partners": [ODAWA],
            "status": "approved",
            "people": 160,
            "communities": ["Indigenous"],
        },
        {
            "when": ("nth_sunday", 8, 4),
            "fallback": 0.6,
            "type": "event_attended",
            "title": "Marched in the Capital Pride Parade with members of the service",
            "event": "Capital Pride Parade {year}",
            "partners": [PRIDE],
            "status": "approved",
            "people": 2000,
            "communities": ["2SLGBTQ+"],
            "audience": "mixed",
        },
        {
            "when": (11, 5),
            "fallback": 0.8,
            "type": "workshop",
            "title": "Cultural competency workshop for School Resource Officers",
            "partners": [OCDSB],
            "status": "submitted",
            "people": 21,
            "audience": "police",
        },
        {
            "when": ("movable", "Diwali", 0),
            "fallback": 0.9,
            "type": "event_attended",
            "title": "Diwali celebration at the Hindu Temple of Ottawa-Carleton with the section",
            "partners": [HINDU_TEMPLE],
            "status": "submitted",
            "people": 300,
            "communities": ["Hindu", "South Asian"],
        },
        {
            "when": (11, 17),
            "fallback": 0.85,
            "type": "meeting",
            "title": "Meeting with Kind Space on safety at 2SLGBTQ+ community spaces",
            "partners": [KIND_SPACE],
            "status": "returned",
            "people": 0,
            "communities": ["2SLGBTQ+"],
        },
    ],
}

# Follow-ups on current-year activities: (section, activity title, text, owner, due this many
# days after the activity, done once due).
CURRENT_FOLLOW_UPS = [
    (
        "CDS",
        "New-year planning meeting with the Vanier Community Association",
        "Send the association the dates of this year's Police Week events",
        "staff.cds",
        14,
        True,
    ),
    (
        "CDS",
        "Community safety and well-being plan working group",
        "Share the neighbourhood safety indicators with the working group",
        "staff.cds",
        21,
        False,
    ),
    (
        "DRR",
        "Community Equity Council quarterly meeting",
        "Circulate the draft terms of reference for the youth sub-committee",
        "staff.drr",
        14,
        False,
    ),
    (
        "DRR",
        "Police-community iftar with the Ottawa Main Mosque",
        "Thank-you letter to the mosque's board",
        "sergeant.drr",
        7,
        True,
    ),
]

# Current-year events; the title has {year}. ``when``: ("nth_sunday", month, n) for an
# event whose status follows today (completed once over, confirmed before), or ("upcoming",
# month, day) for one kept after today within the year, with the status given. ``days``:
# how many days after the first it ends.
CURRENT_EVENTS = [
    {
        "section": "CDS",
        "title": "Police Week {year}",
        "role": "organized",
        "when": ("nth_sunday", 5, 2),
        "days": 6,
        "hours": (10, 16),
        "venue": "Across the city",
        "partners": [CITY_CSS, BGC],
        "description": "Police Week open houses, safety fairs and a family day across the city.",
        "expected": 2000,
        "checklist": ANNUAL_EVENT_TEMPLATE,
    },
    {
        "section": "DRR",
        "title": "Capital Pride Parade {year}",
        "role": "participated",
        "when": ("nth_sunday", 8, 4),
        "days": 0,
        "hours": (13, 16),
        "venue": "Parade route through Centretown",
        "partners": [PRIDE],
        "description": "Members of the service march with DRR in the Capital Pride parade.",
        "expected": 70,
        "checklist": EVENT_ATTENDED_TEMPLATE,
    },
    {
        "section": "CDS",
        "title": "Community Partners Recognition Evening {year}",
        "role": "organized",
        "when": ("upcoming", 12, 10),
        "days": 0,
        "hours": (18, 21),
        "venue": "Ottawa Police Service headquarters, 474 Elgin Street",
        "partners": [OPSB],
        "description": "Thanking the community groups that worked with CDS this year.",
        "expected": 120,
        "status": "confirmed",
        "checklist": ANNUAL_EVENT_TEMPLATE,
    },
    {
        "section": "DRR",
        "title": "Human Rights Learning Forum {year}",
        "role": "organized",
        "when": ("upcoming", 12, 3),
        "days": 0,
        "hours": (8, 16),
        "venue": "Ottawa Conference and Event Centre, 200 Coventry Road",
        "partners": [CEC, CROWN],
        "description": "Theme to be confirmed with the Community Equity Council.",
        "expected": 200,
        "status": "planning",
        "checklist": ANNUAL_EVENT_TEMPLATE,
    },
]

# --------------------------------------------------------------------------------------
# The multicultural calendar
# --------------------------------------------------------------------------------------

# Same dates every year: (name, (month, day) start, (month, day) end or None for the last day
# of the month, communities, notes). ``None`` as the end of a one-day observance: same day.
FIXED_OBSERVANCES = [
    (
        "Holocaust Remembrance Day",
        (1, 27),
        (1, 27),
        ["Jewish"],
        "International Holocaust Remembrance Day. Many synagogues and schools hold ceremonies.",
    ),
    (
        "Black History Month",
        (2, 1),
        "end",
        ["Black"],
        "Opening ceremony at City Hall early in the month; partners expect police presence.",
    ),
    (
        "International Day for the Elimination of Racial Discrimination",
        (3, 21),
        (3, 21),
        ["Black", "Indigenous", "Newcomers and refugees"],
        "A good date for anti-racism messages and partner events.",
    ),
    (
        "Sikh Heritage Month",
        (4, 1),
        "end",
        ["Sikh", "South Asian"],
        "Recognized in Ontario in April, around Vaisakhi.",
    ),
    (
        "Asian Heritage Month",
        (5, 1),
        "end",
        ["Chinese", "South Asian"],
        "Partners hold cultural events all month.",
    ),
    (
        "Pride Month",
        (6, 1),
        "end",
        ["2SLGBTQ+"],
        "Ottawa's own Pride festival is in August (Capital Pride).",
    ),
    (
        "National Indigenous History Month",
        (6, 1),
        "end",
        ["Indigenous"],
        "Ask partners before taking part in ceremonies; offer tobacco to Elders.",
    ),
    (
        "National Indigenous Peoples Day",
        (6, 21),
        (6, 21),
        ["Indigenous"],
        "Summer Solstice Indigenous Festival; avoid scheduling other section events.",
    ),
    (
        "Islamic History Month",
        (10, 1),
        "end",
        ["Muslim", "Arab"],
        "Recognized in Canada in October.",
    ),
    (
        "Women's History Month",
        (10, 1),
        "end",
        ["Women"],
        "Includes the Sisters in Spirit vigils on October 4.",
    ),
    (
        "Christmas",
        (12, 25),
        (12, 25),
        ["Faith communities (general)"],
        "Statutory holiday; many partners closed from December 24 to January 1.",
    ),
]

# September 30: Orange Shirt Day until 2020; the National Day for Truth and Reconciliation
# since 2021.
TRUTH_AND_RECONCILIATION = {
    "communities": ["Indigenous"],
    "notes": "Wear orange; Indigenous partners hold walks and ceremonies. Avoid other events.",
}

CAPITAL_PRIDE_NOTES = (
    "Capital Pride festival, about ten days ending with the parade on the fourth Sunday of "
    "August. Confirm the dates with Capital Pride each year."
)

# Dates that move with lunar or religious calendars: name -> {year: (start, end)}.
# Only these years are known; other years get the fixed-date observances only.
MOVABLE_OBSERVANCES = {
    "Lunar New Year": {
        "communities": ["Chinese"],
        "notes": "Celebrations run for two weeks; Chinatown BIA parade on the weekend.",
        "dates": {
            2018: (date(2018, 2, 16), date(2018, 2, 16)),
            2025: (date(2025, 1, 29), date(2025, 1, 29)),
            2026: (date(2026, 2, 17), date(2026, 2, 17)),
            2027: (date(2027, 2, 6), date(2027, 2, 6)),
        },
    },
    "Ramadan": {
        "communities": ["Muslim", "Arab"],
        "notes": (
            "Avoid scheduling evening events; iftar at sunset. Daytime meetings: no food or "
            "drink. Mosques busy late at night."
        ),
        "dates": {
            2018: (date(2018, 5, 16), date(2018, 6, 14)),
            2025: (date(2025, 3, 1), date(2025, 3, 29)),
            2026: (date(2026, 2, 18), date(2026, 3, 19)),
            2027: (date(2027, 2, 8), date(2027, 3, 9)),
        },
    },
    "Eid al-Fitr": {
        "communities": ["Muslim", "Arab"],
        "notes": "Large prayers at the EY Centre: traffic and parking plan. Date depends on "
        "the moon sighting; may move by a day.",
        "dates": {
            2018: (date(2018, 6, 15), date(2018, 6, 15)),
            2025: (date(2025, 3, 30), date(2025, 3, 30)),
            2026: (date(2026, 3, 20), date(2026, 3, 20)),
            2027: (date(2027, 3, 10), date(2027, 3, 10)),
        },
    },
    "Eid al-Adha": {
        "communities": ["Muslim", "Arab"],
        "notes": "Date depends on the moon sighting; may move by a day.",
        "dates": {
            2018: (date(2018, 8, 21), date(2018, 8, 21)),
            2025: (date(2025, 6, 6), date(2025, 6, 6)),
            2026: (date(2026, 5, 27), date(2026, 5, 27)),
            2027: (date(2027, 5, 16), date(2027, 5, 16)),
        },
    },
    "Vaisakhi": {
        "communities": ["Sikh", "South Asian"],
        "notes": "Nagar Kirtan procession on the nearest weekend; gurdwaras welcome visitors "
        "(cover your head, remove shoes).",
        "dates": {
            2018: (date(2018, 4, 14), date(2018, 4, 14)),
            2025: (date(2025, 4, 14), date(2025, 4, 14)),
            2026: (date(2026, 4, 14), date(2026, 4, 14)),
            2027: (date(2027, 4, 14), date(2027, 4, 14)),
        },
    },
    "Nowruz": {
        "communities": ["Iranian, Afghan and Kurdish"],
        "notes": "New Year at the spring equinox; family gatherings for several days.",
        "dates": {
            2018: (date(2018, 3, 20), date(2018, 3, 20)),
            2025: (date(2025, 3, 20), date(2025, 3, 20)),
            2026: (date(2026, 3, 20), date(2026, 3, 20)),
            2027: (date(2027, 3, 20), date(2027, 3, 20)),
        },
    },
    "Passover": {
        "communities": ["Jewish"],
        "notes": "Begins at sundown the evening before; first two and last two days are holy "
        "days: avoid meetings with Jewish partners.",
        "dates": {
            2018: (date(2018, 3, 31), date(2018, 4, 7)),
            2025: (date(2025, 4, 13), date(2025, 4, 20)),
            2026: (date(2026, 4, 2), date(2026, 4, 9)),
            2027: (date(2027, 4, 22), date(2027, 4, 29)),
        },
    },
    "Easter": {
        "communities": ["Faith communities (general)"],
        "notes": "Good Friday and Easter Monday are holidays for many partners.",
        "dates": {
            2018: (date(2018, 4, 1), date(2018, 4, 1)),
            2025: (date(2025, 4, 20), date(2025, 4, 20)),
            2026: (date(2026, 4, 5), date(2026, 4, 5)),
            2027: (date(2027, 3, 28), date(2027, 3, 28)),
        },
    },
    "Rosh Hashanah": {
        "communities": ["Jewish"],
        "notes": "Begins at sundown the evening before. Synagogues full: security liaison.",
        "dates": {
            2018: (date(2018, 9, 10), date(2018, 9, 11)),
            2025: (date(2025, 9, 23), date(2025, 9, 24)),
            2026: (date(2026, 9, 12), date(2026, 9, 13)),
            2027: (date(2027, 10, 2), date(2027, 10, 3)),
        },
    },
    "Yom Kippur": {
        "communities": ["Jewish"],
        "notes": "Begins at sundown the evening before; a day of fasting. No events with "
        "Jewish partners.",
        "dates": {
            2018: (date(2018, 9, 19), date(2018, 9, 19)),
            2025: (date(2025, 10, 2), date(2025, 10, 2)),
            2026: (date(2026, 9, 21), date(2026, 9, 21)),
            2027: (date(2027, 10, 11), date(2027, 10, 11)),
        },
    },
    "Diwali": {
        "communities": ["Hindu", "Sikh", "South Asian"],
        "notes": "Festival of lights; temples and community halls busy in the evening.",
        "dates": {
            2018: (date(2018, 11, 7), date(2018, 11, 7)),
            2025: (date(2025, 10, 20), date(2025, 10, 20)),
            2026: (date(2026, 11, 8), date(2026, 11, 8)),
            2027: (date(2027, 10, 29), date(2027, 10, 29)),
        },
    },
    "Hanukkah": {
        "communities": ["Jewish"],
        "notes": "Eight nights, beginning at sundown the evening before; public menorah lightings.",
        "dates": {
            2018: (date(2018, 12, 3), date(2018, 12, 10)),
            2025: (date(2025, 12, 15), date(2025, 12, 22)),
            2026: (date(2026, 12, 5), date(2026, 12, 12)),
            2027: (date(2027, 12, 25), date(2028, 1, 1)),
        },
    },
}
