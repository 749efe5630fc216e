"""Curated word lists behind the sample candidates: places, employers, titles, education, tags."""

from __future__ import annotations

# City, country (as workbench.domain.countries spells it), local name origin ("mix" for
# cosmopolitan), weight, salary currency, and pay factor. In the US the factor only moves a
# candidate within the guide's band (tech hubs above 1 ask nearer the top); elsewhere the band
# times the factor gives a local expectation in that currency.
CITIES: tuple[tuple[str, str, str, int, str, float], ...] = (
    ("New York", "United States", "mix", 60, "USD", 1.12),
    ("San Francisco", "United States", "mix", 40, "USD", 1.15),
    ("Chicago", "United States", "mix", 35, "USD", 1.08),
    ("Seattle", "United States", "mix", 28, "USD", 1.1),
    ("Boston", "United States", "mix", 24, "USD", 1.08),
    ("Austin", "United States", "mix", 24, "USD", 1.0),
    ("Dallas", "United States", "mix", 24, "USD", 1.0),
    ("Houston", "United States", "mix", 16, "USD", 0.98),
    ("Atlanta", "United States", "mix", 22, "USD", 0.98),
    ("Denver", "United States", "mix", 16, "USD", 1.0),
    ("Washington", "United States", "mix", 26, "USD", 1.05),
    ("Arlington", "United States", "mix", 12, "USD", 1.05),
    ("Raleigh", "United States", "mix", 12, "USD", 0.97),
    ("Charlotte", "United States", "mix", 12, "USD", 0.97),
    ("Phoenix", "United States", "mix", 12, "USD", 0.96),
    ("Minneapolis", "United States", "mix", 10, "USD", 0.98),
    ("Philadelphia", "United States", "mix", 12, "USD", 1.0),
    ("San Diego", "United States", "mix", 10, "USD", 1.02),
    ("Los Angeles", "United States", "mix", 20, "USD", 1.05),
    ("San Jose", "United States", "mix", 12, "USD", 1.15),
    ("Miami", "United States", "mix", 10, "USD", 0.98),
    ("Columbus", "United States", "mix", 8, "USD", 0.95),
    ("Nashville", "United States", "mix", 8, "USD", 0.95),
    ("Salt Lake City", "United States", "mix", 6, "USD", 0.95),
    ("Pittsburgh", "United States", "mix", 6, "USD", 0.95),
    ("Detroit", "United States", "mix", 6, "USD", 0.94),
    ("Baltimore", "United States", "mix", 6, "USD", 0.98),
    ("Tampa", "United States", "mix", 6, "USD", 0.95),
    ("Portland", "United States", "mix", 6, "USD", 0.98),
    ("Kansas City", "United States", "mix", 5, "USD", 0.93),
    ("St. Louis", "United States", "mix", 5, "USD", 0.93),
    ("Indianapolis", "United States", "mix", 5, "USD", 0.93),
    ("Richmond", "United States", "mix", 4, "USD", 0.95),
    ("Huntsville", "United States", "mix", 4, "USD", 0.95),
    ("Toronto", "Canada", "mix", 14, "USD", 0.82),
    ("Vancouver", "Canada", "mix", 8, "USD", 0.82),
    ("Montreal", "Canada", "french", 6, "USD", 0.78),
    ("Ottawa", "Canada", "mix", 4, "USD", 0.8),
    ("Calgary", "Canada", "mix", 4, "USD", 0.8),
    ("London", "United Kingdom", "mix", 30, "GBP", 0.68),
    ("Manchester", "United Kingdom", "english", 8, "GBP", 0.56),
    ("Edinburgh", "United Kingdom", "english", 5, "GBP", 0.56),
    ("Birmingham", "United Kingdom", "english", 5, "GBP", 0.54),
    ("Leeds", "United Kingdom", "english", 4, "GBP", 0.54),
    ("Bristol", "United Kingdom", "english", 4, "GBP", 0.56),
    ("Glasgow", "United Kingdom", "english", 3, "GBP", 0.52),
    ("Cambridge", "United Kingdom", "english", 3, "GBP", 0.6),
    ("Reading", "United Kingdom", "english", 3, "GBP", 0.58),
    ("Belfast", "United Kingdom", "english", 2, "GBP", 0.5),
    ("Dublin", "Ireland", "english", 8, "EUR", 0.72),
    ("Cork", "Ireland", "english", 2, "EUR", 0.64),
    ("Berlin", "Germany", "german", 10, "EUR", 0.68),
    ("Munich", "Germany", "german", 8, "EUR", 0.74),
    ("Frankfurt", "Germany", "german", 7, "EUR", 0.74),
    ("Hamburg", "Germany", "german", 5, "EUR", 0.7),
    ("Cologne", "Germany", "german", 3, "EUR", 0.66),
    ("Stuttgart", "Germany", "german", 3, "EUR", 0.7),
    ("Vienna", "Austria", "german", 4, "EUR", 0.64),
    ("Zurich", "Switzerland", "german", 5, "CHF", 1.0),
    ("Geneva", "Switzerland", "french", 2, "CHF", 0.98),
    ("Paris", "France", "french", 10, "EUR", 0.62),
    ("Lyon", "France", "french", 3, "EUR", 0.55),
    ("Toulouse", "France", "french", 2, "EUR", 0.54),
    ("Madrid", "Spain", "spanish", 6, "EUR", 0.48),
    ("Barcelona", "Spain", "spanish", 5, "EUR", 0.48),
    ("Valencia", "Spain", "spanish", 2, "EUR", 0.42),
    ("Lisbon", "Portugal", "portuguese", 4, "EUR", 0.4),
    ("Porto", "Portugal", "portuguese", 2, "EUR", 0.36),
    ("Milan", "Italy", "italian", 5, "EUR", 0.5),
    ("Rome", "Italy", "italian", 3, "EUR", 0.46),
    ("Turin", "Italy", "italian", 2, "EUR", 0.44),
    ("Amsterdam", "Netherlands", "dutch", 8, "EUR", 0.68),
    ("Rotterdam", "Netherlands", "dutch", 3, "EUR", 0.62),
    ("Utrecht", "Netherlands", "dutch", 2, "EUR", 0.62),
    ("Eindhoven", "Netherlands", "dutch", 2, "EUR", 0.62),
    ("Brussels", "Belgium", "french", 4, "EUR", 0.62),
    ("Antwerp", "Belgium", "dutch", 2, "EUR", 0.6),
    ("Luxembourg", "Luxembourg", "french", 2, "EUR", 0.8),
    ("Stockholm", "Sweden", "nordic", 5, "EUR", 0.56),
    ("Gothenburg", "Sweden", "nordic", 2, "EUR", 0.52),
    ("Copenhagen", "Denmark", "nordic", 4, "EUR", 0.66),
    ("Aarhus", "Denmark", "nordic", 1, "EUR", 0.6),
    ("Oslo", "Norway", "nordic", 3, "EUR", 0.64),
    ("Helsinki", "Finland", "nordic", 3, "EUR", 0.54),
    ("Espoo", "Finland", "nordic", 1, "EUR", 0.54),
    ("Warsaw", "Poland", "polish", 7, "EUR", 0.4),
    ("Kraków", "Poland", "polish", 5, "EUR", 0.38),
    ("Wrocław", "Poland", "polish", 3, "EUR", 0.37),
    ("Gdańsk", "Poland", "polish", 2, "EUR", 0.36),
    ("Łódź", "Poland", "polish", 1, "EUR", 0.34),
    ("Prague", "Czechia", "czech", 4, "EUR", 0.4),
    ("Brno", "Czechia", "czech", 2, "EUR", 0.36),
    ("Bratislava", "Slovakia", "czech", 1, "EUR", 0.34),
    ("Budapest", "Hungary", "hungarian", 3, "EUR", 0.34),
    ("Bucharest", "Romania", "romanian", 3, "EUR", 0.34),
    ("Cluj-Napoca", "Romania", "romanian", 2, "EUR", 0.32),
    ("Athens", "Greece", "greek", 3, "EUR", 0.36),
    ("Thessaloniki", "Greece", "greek", 1, "EUR", 0.32),
    ("Zagreb", "Croatia", "balkan", 1, "EUR", 0.34),
    ("Belgrade", "Serbia", "balkan", 2, "EUR", 0.3),
    ("Sofia", "Bulgaria", "balkan", 2, "EUR", 0.3),
    ("Tallinn", "Estonia", "baltic", 2, "EUR", 0.42),
    ("Riga", "Latvia", "baltic", 1, "EUR", 0.36),
    ("Vilnius", "Lithuania", "baltic", 2, "EUR", 0.38),
    ("Istanbul", "Turkey", "turkish", 3, "USD", 0.35),
    ("Ankara", "Turkey", "turkish", 1, "USD", 0.3),
    ("Kyiv", "Ukraine", "slavic", 3, "USD", 0.35),
    ("Lviv", "Ukraine", "slavic", 2, "USD", 0.32),
    ("Bengaluru", "India", "indian", 10, "USD", 0.3),
    ("Hyderabad", "India", "indian", 7, "USD", 0.28),
    ("Pune", "India", "indian", 5, "USD", 0.27),
    ("Chennai", "India", "indian", 4, "USD", 0.26),
    ("Mumbai", "India", "indian", 4, "USD", 0.3),
    ("Gurugram", "India", "indian", 4, "USD", 0.29),
    ("Karachi", "Pakistan", "south_asian_muslim", 2, "USD", 0.2),
    ("Lahore", "Pakistan", "south_asian_muslim", 2, "USD", 0.2),
    ("Singapore", "Singapore", "mix", 7, "USD", 0.85),
    ("Hong Kong", "Hong Kong", "chinese", 4, "USD", 0.85),
    ("Shanghai", "China", "chinese", 3, "USD", 0.5),
    ("Shenzhen", "China", "chinese", 2, "USD", 0.48),
    ("Beijing", "China", "chinese", 2, "USD", 0.5),
    ("Taipei", "Taiwan", "chinese", 2, "USD", 0.45),
    ("Tokyo", "Japan", "japanese", 4, "USD", 0.6),
    ("Osaka", "Japan", "japanese", 1, "USD", 0.55),
    ("Seoul", "South Korea", "korean", 3, "USD", 0.55),
    ("Kuala Lumpur", "Malaysia", "south_asian_muslim", 2, "USD", 0.35),
    ("Bangkok", "Thailand", "thai", 2, "USD", 0.32),
    ("Ho Chi Minh City", "Vietnam", "vietnamese", 2, "USD", 0.25),
    ("Hanoi", "Vietnam", "vietnamese", 1, "USD", 0.24),
    ("Manila", "Philippines", "filipino", 3, "USD", 0.22),
    ("Cebu", "Philippines", "filipino", 1, "USD", 0.2),
    ("Sydney", "Australia", "mix", 8, "USD", 0.86),
    ("Melbourne", "Australia", "mix", 6, "USD", 0.84),
    ("Brisbane", "Australia", "english", 2, "USD", 0.8),
    ("Auckland", "New Zealand", "english", 2, "USD", 0.7),
    ("Wellington", "New Zealand", "english", 1, "USD", 0.68),
    ("Dubai", "United Arab Emirates", "mix", 5, "USD", 0.9),
    ("Abu Dhabi", "United Arab Emirates", "arabic", 2, "USD", 0.88),
    ("Riyadh", "Saudi Arabia", "arabic", 2, "USD", 0.85),
    ("Cairo", "Egypt", "arabic", 2, "USD", 0.2),
    ("Tel Aviv", "Israel", "hebrew", 3, "USD", 0.8),
    ("Lagos", "Nigeria", "african", 3, "USD", 0.22),
    ("Nairobi", "Kenya", "african", 2, "USD", 0.22),
    ("Cape Town", "South Africa", "african", 2, "USD", 0.35),
    ("Johannesburg", "South Africa", "african", 3, "USD", 0.36),
    ("São Paulo", "Brazil", "portuguese", 4, "USD", 0.35),
    ("Rio de Janeiro", "Brazil", "portuguese", 2, "USD", 0.32),
    ("Mexico City", "Mexico", "spanish", 4, "USD", 0.4),
    ("Guadalajara", "Mexico", "spanish", 2, "USD", 0.36),
    ("Monterrey", "Mexico", "spanish", 2, "USD", 0.38),
    ("Buenos Aires", "Argentina", "spanish", 3, "USD", 0.3),
)

# North American area codes by city, so phone numbers look local.
AREA_CODES: dict[str, tuple[int, ...]] = {
    "New York": (212, 646, 917), "San Francisco": (415, 628), "Chicago": (312, 773),
    "Seattle": (206,), "Boston": (617, 857), "Austin": (512, 737), "Dallas": (214, 469, 972),
    "Houston": (713, 832), "Atlanta": (404, 678), "Denver": (303, 720), "Washington": (202,),
    "Arlington": (703, 571), "Raleigh": (919, 984), "Charlotte": (704, 980),
    "Phoenix": (602, 480), "Minneapolis": (612,), "Philadelphia": (215, 267),
    "San Diego": (619, 858), "Los Angeles": (213, 310, 323), "San Jose": (408, 669),
    "Miami": (305, 786), "Columbus": (614,), "Nashville": (615,), "Salt Lake City": (801,),
    "Pittsburgh": (412,), "Detroit": (313,), "Baltimore": (410, 443), "Tampa": (813,),
    "Portland": (503, 971), "Kansas City": (816,), "St. Louis": (314,),
    "Indianapolis": (317,), "Richmond": (804,), "Huntsville": (256,), "Toronto": (416, 647),
    "Vancouver": (604, 778), "Montreal": (514, 438), "Ottawa": (613, 343),
    "Calgary": (403, 587),
}  # fmt: skip

# Employers by industry: "Name:E" where the letter is the work environment: Enterprise,
# Startup, Consulting firm, Government agency, Managed service provider. Fictional names.
EMPLOYERS: dict[str, str] = {
    "Technology": "Northwind Software:E, Contoso Cloud:E, Fabrikam Systems:E, "
    "Bluepeak Systems:E, Litware Labs:S, Proseware:S, Cobalt Cloud Labs:S, Brightwave Analytics:S, "
    "Quillfeather AI:S, Ironclad Data:S, Crestview Consulting:C, Summit Advisory Group:C, "
    "Keel & Partners:C, Beacon Managed Services:M, Nimbus IT Services:M, Relay Networks:M, "
    "Lumen Ridge Technologies:E, Orbital Dynamics Software:E",
    "Finance": "Northwind Bank:E, Woodgrove Bank:E, Harbor Mutual:E, Granite Trust Bank:E, "
    "Meridian Capital Partners:E, Silverline Payments:S, Ledgerly:S, Coinvault Finance:S, "
    "Stonebridge Insurance:E, Keystone Credit Union:E, Ashgrove Asset Management:E, "
    "Fintrust Advisory:C, Vaultline Managed IT:M",
    "Healthcare": "Riverside Health System:E, Mercy Valley Hospitals:E, Clearwater Medical "
    "Group:E, Helix Diagnostics:S, Evergreen Care Network:E, Lakeshore Children's Hospital:E, "
    "CarePath Digital:S, Meditrack Solutions:S, Pinebrook Health Partners:C, "
    "Northstar Clinical IT:M, Summit Regional Health Authority:G",
    "Government": "Department of Digital Services:G, Metro Transit Authority:G, "
    "Public Health Agency:G, County of Lakeside IT Department:G, National Statistics Office:G, "
    "Regional Water Authority:G, Ministry of Digital Affairs:G, Federal Records Agency:G, "
    "Harbor City Council:G, Civic Systems Partners:C, GovTech Solutions Group:C, "
    "Sentinel Secure Services:M",
    "Retail & e-commerce": "Cartwheel Stores:E, Urban Basket:S, Brightmart:E, "
    "Parcelpoint Commerce:S, Wide World Importers:E, Tailspin Outfitters:E, Greenleaf Grocers:E, "
    "ShopHarbor:S, Maple & Main Retail:E, Velvet Lane Fashion:E, Retailcraft Consulting:C",
    "Manufacturing": "Ironbridge Manufacturing:E, Apex Components:E, Delta Automotive Parts:E, "
    "Keystone Industrial:E, Adventure Works Cycles:E, Northfield Aerospace:E, "
    "Clearline Packaging:E, Forgepoint Robotics:S, Atlas Plant Systems:C, "
    "Factoryware Managed IT:M",
    "Education": "Lakeside University:E, Westbrook Community College:G, BrightPath Learning:S, "
    "State University IT Services:G, Northgate School District:G, Lumos EdTech:S, "
    "Academia Cloud Services:M, Campus Digital Partners:C",
}
ENVIRONMENT_CODES = {
    "E": "Enterprise",
    "S": "Startup",
    "C": "Consulting firm",
    "G": "Government agency",
    "M": "Managed service provider",
}

# Titles along the guide's career path, by years of PM experience at the end of the job;
# a title listed twice is drawn twice as often.
TITLES_EARLY = "Project Coordinator, IT Project Coordinator, Assistant Project Manager, PMO Analyst"
TITLES_BY_ROLE: dict[str, tuple[str, str, str]] = {
    # role slug: (titles after ~2 years, after ~6 years, after ~12 years)
    "agile-pm": (
        "Agile Project Manager, IT Project Manager, Agile Delivery Manager",
        "Senior Agile Project Manager, Senior IT Project Manager, Agile Delivery Lead",
        "Program Manager, Agile Coach, Head of Agile Delivery",
    ),
    "technical-pm": (
        "Technical Project Manager, IT Project Manager, Infrastructure Project Manager",
        "Senior Technical Project Manager, Senior IT Project Manager",
        "Technical Program Manager, Senior Program Manager, Head of Infrastructure Delivery",
    ),
    "program-manager": (
        "IT Project Manager, Project Manager",
        "Senior IT Project Manager, Program Manager",
        "Senior Program Manager, Portfolio Manager, Director of Project Management, Head of PMO",
    ),
    "scrum-master": (
        "Scrum Master, Scrum Master, Scrum Master, Agile Team Facilitator",
        "Senior Scrum Master, Agile Coach",
        "Enterprise Agile Coach, Release Train Engineer, Head of Agile Practice",
    ),
    "cybersecurity-pm": (
        "Cybersecurity Project Manager, Security Project Manager, IT Project Manager",
        "Senior Cybersecurity Project Manager, Security Program Manager",
        "Director of Security Programs, Senior Program Manager, Head of Security PMO",
    ),
    "digital-transformation-pm": (
        "Digital Transformation Project Manager, IT Project Manager, ERP Project Manager",
        "Senior Digital Transformation Project Manager, Digital Transformation Lead",
        "Director of Digital Transformation, Portfolio Manager, Transformation Program Manager",
    ),
}
TITLES_EXECUTIVE = "Director of Project Management, Head of PMO, Chief Information Officer"
FEEDER_TITLES: dict[str, str] = {
    "agile-pm": "Business Analyst, Software Developer, QA Analyst, Product Analyst",
    "technical-pm": "Systems Administrator, Software Developer, Network Engineer, DevOps Engineer",
    "program-manager": "Business Analyst, Management Consultant, Financial Analyst",
    "scrum-master": "Software Developer, QA Analyst, Business Analyst, Support Team Lead",
    "cybersecurity-pm": "Security Analyst, Network Engineer, IT Auditor, SOC Analyst",
    "digital-transformation-pm": "Business Analyst, ERP Consultant, Data Analyst",
}

# Education: fields by degree level, and fictional institutions by region.
FIELDS: dict[str, str] = {
    "Bachelor's": "Computer Science, Information Technology, Information Systems, Business "
    "Administration, Management Information Systems, Electrical Engineering, Mathematics, "
    "Economics, Industrial Engineering, Communications, Physics, Software Engineering",
    "Master's": "Project Management, Information Systems Management, Computer Science, "
    "Data Analytics, Engineering Management, IT Management",
    "MBA": "Technology Management, Finance, Strategy, General Management",
    "Associate": "Information Technology, Network Administration, Business",
    "Bootcamp": "Agile Project Management, IT Project Management, Scrum and Agile Delivery, "
    "Data Analytics",
    "Doctorate": "Information Systems, Operations Research, Computer Science",
}
INSTITUTIONS: dict[str, str] = {
    "na": "Lakeside State University, Northfield Institute of Technology, University of "
    "Westbrook, Pinecrest College, Eastgate University, Redwood Valley University, "
    "Harborview College, Granite Hills University, Prairie State University",
    "uk": "University of Kingsbridge, Ashford Metropolitan University, Thamesbury University, "
    "Highmoor University, University of Castlegate",
    "eu": "Technical University of Nordstadt, Université de Valmont, Universidad de Altamira, "
    "Politecnico di Valdoro, Westland University of Applied Sciences, Baltic Business School, "
    "University of Ostrava Nova, Central European Institute of Technology",
    "other": "Eastern Institute of Technology, Pacific Rim University, National Institute of "
    "Business and Technology, Metropolitan University of Science, Southern Cross Polytechnic",
}
BOOTCAMPS = "Sprintwise Academy, CodeBridge Bootcamp, Agile Forge Academy, PM Launchpad"

# Free skill tags a role's people often list beside the checklist skills.
FREE_TAGS: dict[str, str] = {
    "agile-pm": "SAFe, Azure DevOps, OKRs, Miro, Smartsheet, Stakeholder management",
    "technical-pm": "ServiceNow, Kubernetes, Terraform, CI/CD, SQL, ITIL, Azure DevOps",
    "program-manager": "SAFe, Smartsheet, Vendor management, Budget forecasting, Planview, "
    "Portfolio management",
    "scrum-master": "SAFe, Agile coaching, Miro, Azure DevOps, Facilitation, OKRs",
    "cybersecurity-pm": "ISO 27001, NIST CSF, SOC 2, ServiceNow, Splunk, HIPAA, PCI DSS, "
    "Zero Trust",
    "digital-transformation-pm": "SAP, Salesforce, ServiceNow, Workday, Power Automate, "
    "Change management, Oracle ERP",
}

CLEARANCES: dict[str, tuple[tuple[str, int], ...]] = {
    "United States": (("Public Trust", 4), ("Secret", 4), ("Top Secret", 2), ("TS/SCI", 1)),
    "United Kingdom": (("BPSS", 3), ("SC", 4), ("DV", 1)),
    "Canada": (("Reliability", 3), ("Secret", 2)),
    "Australia": (("Baseline", 3), ("NV1", 2)),
}
