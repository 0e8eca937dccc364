"""Streamlit entry point: page set-up and navigation. Screens live in app_pages/."""

import streamlit as st

st.set_page_config(
    page_title="AI Adoption Claims Analyzer",
    page_icon=":material/query_stats:",
    layout="wide",
)

pages = {
    "Explore": [
        st.Page(
            "app_pages/overview.py", title="Overview", icon=":material/leaderboard:", default=True
        ),
        st.Page("app_pages/company.py", title="Company", icon=":material/domain:"),
        st.Page("app_pages/assumptions.py", title="Assumptions", icon=":material/tune:"),
    ],
    "Work": [
        st.Page("app_pages/upload.py", title="Upload and review", icon=":material/upload_file:"),
        st.Page("app_pages/library.py", title="Library", icon=":material/inventory_2:"),
        st.Page("app_pages/export.py", title="Export", icon=":material/ios_share:"),
    ],
}
st.navigation(pages).run()
